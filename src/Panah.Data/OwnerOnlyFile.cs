namespace Panah.Data;

/// <summary>Files only their owner may read or write (mode 0600): keys and demo credentials.</summary>
public static class OwnerOnlyFile
{
    public static FileStream Open(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }
}
