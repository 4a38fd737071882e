using System.Data.Common;

namespace Panah.Data;

/// <summary>For the few statements sent on the connection itself (a batch EF cannot express in one round trip).</summary>
internal static class DbCommands
{
    public static DbCommand With(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
