using System.Diagnostics.CodeAnalysis;

namespace Panah.Matching;

/// <summary>Keeps throw statements out of hot methods so they stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Argument(string message, string paramName) => throw new ArgumentException(message, paramName);
}
