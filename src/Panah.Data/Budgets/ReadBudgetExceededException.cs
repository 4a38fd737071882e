namespace Panah.Data.Budgets;

/// <summary>The reading account has crossed its budget, or is blocked since it did: no person record is returned.</summary>
public sealed class ReadBudgetExceededException() : Exception("This account's read budget is used up; the data protection officer can lift the block.");
