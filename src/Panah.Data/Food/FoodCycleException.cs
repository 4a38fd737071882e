using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>
/// A cycle rule refused an action as a whole. Kept only while CycleGeneration and EntitlementLifecycle (the scale
/// part's files) still throw it; everything catches <see cref="FieldException"/>.
/// </summary>
public sealed class FoodCycleException(string messageKey) : FieldException("", messageKey);
