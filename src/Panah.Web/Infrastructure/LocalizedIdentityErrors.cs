using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Panah.Web.Infrastructure;

/// <summary>Identity's messages that reach staff pages (new accounts, passwords), in the reader's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Try again."]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Someone changed this account at the same time. Try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), l["The current password is not right."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["This code is not valid."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["This email cannot be used as a sign-in name."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["This is not a valid email address."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["A staff account with this email already exists."]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["A staff account with this email already exists."]);

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), l["This account already has a password."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l["A password needs at least {0} characters.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l["A password needs at least {0} different characters.", uniqueChars]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
