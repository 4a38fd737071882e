namespace Panah.Data.Food;

/// <summary>A cycle rule refused an action; <see cref="Exception.Message"/> is the message key pages and the API translate.</summary>
public sealed class FoodCycleException(string messageKey) : Exception(messageKey);
