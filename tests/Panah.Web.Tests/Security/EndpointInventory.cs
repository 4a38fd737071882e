using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>One reachable endpoint and method: how to call it. Pages have one per handler (<c>?handler=Name</c>).</summary>
public sealed record EndpointCell(string Key, string Method, string Url, bool IsApi, bool IsPage);

/// <summary>
/// Every endpoint the app maps, read from the routing system itself, and what each caller must get back,
/// written out by hand. An endpoint missing from <see cref="Matrix"/> fails the tests, and so does a row
/// for an endpoint that is gone: a new endpoint is placed in the matrix by adding its line.
/// </summary>
public static partial class EndpointInventory
{
    /// <summary>
    /// One line per endpoint and method; pages by their path and handler. Columns: anonymous, then a signed-in
    /// cookie session that passed 2FA for each role, then an API token of an account of each role.
    /// Adm Administrator, Reg RegistrationOfficer, Dis DistributionClerk, Tea Teacher, Cas CaseWorker,
    /// Prg ProgrammeManager, Dpo DataProtectionOfficer, Edu EducationCoordinator.
    /// An outcome is a status code, or <c>login</c> (302 to the sign-in page), or <c>deny</c> (302 to the
    /// access-denied page). A reached write endpoint answers 400 (the matrix posts an empty body) or, for a
    /// page, 200 with its form errors; a reached id route answers 404 (the matrix asks for an id that does not exist).
    /// </summary>
    public const string Matrix = """
        endpoint                                                  anon  | Adm   Reg   Dis   Tea   Cas   Prg   Dpo   Edu   | tAdm  tReg  tDis  tTea  tCas  tPrg  tDpo  tEdu
        GET    /api/v1/households                                 401   | 403   200   200   403   200   200   200   403   | 403   200   200   403   200   200   200   403
        GET    /api/v1/households/{id:guid}                       401   | 403   404   404   403   404   404   404   403   | 403   404   404   403   404   404   404   403
        POST   /api/v1/households                                 401   | 403   400   403   403   403   403   403   403   | 403   400   403   403   403   403   403   403
        PUT    /api/v1/households/{id:guid}                       401   | 403   400   403   403   403   403   403   403   | 403   400   403   403   403   403   403   403
        POST   /api/v1/households/{id:guid}/members               401   | 403   400   403   403   403   403   403   403   | 403   400   403   403   403   403   403   403
        GET    /api/v1/people                                     401   | 403   200   200   403   200   200   200   403   | 403   200   200   403   200   200   200   403
        GET    /api/v1/people/{id:guid}                           401   | 403   404   404   403   404   404   404   403   | 403   404   404   403   404   404   404   403
        PUT    /api/v1/people/{id:guid}                           401   | 403   400   403   403   403   403   403   403   | 403   400   403   403   403   403   403   403
        POST   /api/v1/people/search                              401   | 403   400   400   403   400   400   400   403   | 403   400   400   403   400   400   400   403
        POST   /api/v1/people/match                               401   | 403   400   400   403   400   400   400   403   | 403   400   400   403   400   400   400   403
        POST   /api/v1/duplicates/runs                            401   | 403   202   403   403   202   403   403   403   | 403   202   403   403   202   403   403   403
        GET    /api/v1/duplicates/runs/current                    401   | 403   200   403   403   200   403   403   403   | 403   200   403   403   200   403   403   403
        GET    /api/v1/duplicates/                                401   | 403   200   403   403   200   403   403   403   | 403   200   403   403   200   403   403   403
        GET    /api/v1/duplicates/{id:guid}                       401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        POST   /api/v1/duplicates/{id:guid}/decision              401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        GET    /api/v1/duplicates/queue                           401   | 403   200   403   403   200   403   403   403   | 403   200   403   403   200   403   403   403
        GET    /api/v1/duplicates/groups/{id:guid}                401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        POST   /api/v1/duplicates/groups/{id:guid}/decision       401   | 403   400   403   403   400   403   403   403   | 403   400   403   403   400   403   403   403
        GET    /openapi/{documentName}.json                       401   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /healthz                                           200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /healthz/live                                      200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /Index                                             login | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /Registry/Households/Index                         login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        POST   /Registry/Households/Index                         login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        GET    /Registry/Households/Register                      login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        POST   /Registry/Households/Register                      login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        POST   /Registry/Households/Register?handler=AddMember    login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        POST   /Registry/Households/Register?handler=RemoveMember login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        GET    /Registry/Households/Details                       login | deny  404   404   deny  404   404   404   deny  | 403   404   404   403   404   404   404   403
        GET    /Registry/People/Index                             login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        POST   /Registry/People/Index                             login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        GET    /Registry/People/Edit                              login | deny  404   deny  deny  deny  deny  404   deny  | 403   404   403   403   403   403   404   403
        POST   /Registry/People/Edit                              login | deny  404   deny  deny  deny  deny  404   deny  | 403   404   403   403   403   403   404   403
        GET    /Registry/Search                                   login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        POST   /Registry/Search                                   login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        GET    /Matching/Reviews/Index                            login | deny  200   deny  deny  200   deny  deny  deny  | 403   200   403   403   200   403   403   403
        POST   /Matching/Reviews/Index?handler=Run                login | deny  302   deny  deny  302   deny  deny  deny  | 403   302   403   403   302   403   403   403
        GET    /Matching/Reviews/Details                          login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        POST   /Matching/Reviews/Details                          login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        GET    /Matching/Reviews/Group                            login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        POST   /Matching/Reviews/Group                            login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        GET    /api/v1/duplicates/merges                          401   | 403   400   403   403   400   403   403   403   | 403   400   403   403   400   403   403   403
        POST   /api/v1/duplicates/merges/{id:guid}/undo           401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        POST   /api/v1/duplicates/households/runs                 401   | 403   200   403   403   200   403   403   403   | 403   200   403   403   200   403   403   403
        GET    /api/v1/duplicates/households                      401   | 403   200   403   403   200   403   403   403   | 403   200   403   403   200   403   403   403
        GET    /api/v1/duplicates/households/{id:guid}            401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        POST   /api/v1/duplicates/households/{id:guid}/decision   401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        POST   /api/v1/duplicates/households/{id:guid}/undo       401   | 403   404   403   403   404   403   403   403   | 403   404   403   403   404   403   403   403
        GET    /Matching/Households/Index                         login | deny  200   deny  deny  200   deny  deny  deny  | 403   200   403   403   200   403   403   403
        POST   /Matching/Households/Index?handler=Run             login | deny  302   deny  deny  302   deny  deny  deny  | 403   302   403   403   302   403   403   403
        GET    /Matching/Households/Details                       login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        POST   /Matching/Households/Details                       login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        POST   /Matching/Households/Details?handler=Undo          login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        GET    /Matching/Merges/Index                             login | deny  200   deny  deny  200   deny  deny  deny  | 403   200   403   403   200   403   403   403
        POST   /Matching/Merges/Index?handler=Undo                login | deny  404   deny  deny  404   deny  deny  deny  | 403   404   403   403   404   403   403   403
        GET    /Admin/Users                                       login | 200   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Users?handler=Create                        login | 200   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Users?handler=NewCode                       login | 404   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Users?handler=Disable                       login | 404   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Users?handler=DisableConfirmed              login | 404   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Users?handler=Enable                        login | 404   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Users?handler=Scope                         login | 404   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        GET    /Admin/Tokens                                      login | 200   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Tokens?handler=Issue                        login | 200   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        POST   /Admin/Tokens?handler=Revoke                       login | 302   deny  deny  deny  deny  deny  deny  deny  | 403   403   403   403   403   403   403   403
        GET    /Account/Password                                  login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        POST   /Account/Password                                  login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        GET    /Account/Tokens                                    login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        POST   /Account/Tokens?handler=Issue                      login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        POST   /Account/Tokens?handler=Revoke                     login | 302   302   302   302   302   302   302   302   | 403   403   403   403   403   403   403   403
        GET    /Account/Login                                     200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        POST   /Account/Login                                     200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /Account/LoginTotp                                 login | login login login login login login login login | login login login login login login login login
        POST   /Account/LoginTotp                                 login | login login login login login login login login | login login login login login login login login
        GET    /Account/EnrollTotp                                login | login login login login login login login login | login login login login login login login login
        POST   /Account/EnrollTotp                                login | login login login login login login login login | login login login login login login login login
        GET    /Account/Enrol                                     200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        POST   /Account/Enrol                                     200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /Account/TooManyAttempts                           429   | 429   429   429   429   429   429   429   429   | 429   429   429   429   429   429   429   429
        GET    /Account/AccessDenied                              200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /Account/Logout                                    200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        POST   /Account/Logout                                    302   | 302   302   302   302   302   302   302   302   | 302   302   302   302   302   302   302   302
        GET    /Error                                             200   | 200   200   200   200   200   200   200   200   | 200   200   200   200   200   200   200   200
        GET    /Culture                                           302   | 302   302   302   302   302   302   302   302   | 302   302   302   302   302   302   302   302
        POST   /Culture                                           302   | 302   302   302   302   302   302   302   302   | 302   302   302   302   302   302   302   302
        GET    /Access/BreakGlass                                 login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        GET    /Access/ShareRequests                              login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        GET    /Account/Passkeys                                  login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        GET    /Account/ReadBudget                                login | 429   429   429   429   429   429   429   429   | 429   429   429   429   429   429   429   429
        GET    /DataProtection/Alerts                             login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /DataProtection/Audit                              login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /DataProtection/Budgets                            login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /DataProtection/Erasure                            login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /DataProtection/Index                              login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /Food/Index                                        login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Food/Baskets/Index                                login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Food/Baskets/Edit                                 login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Baskets/Edit                                 login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Baskets/Edit?handler=Check                   login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Food/Baskets/Commodities                          login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Baskets/Commodities?handler=Add              login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Baskets/Commodities?handler=Active           login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        GET    /Food/Baskets/CommodityEdit                        login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /Food/Baskets/CommodityEdit                        login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        GET    /api/v1/food/commodities                           401   | 403   403   403   403   403   200   403   403   | 403   403   403   403   403   200   403   403
        GET    /api/v1/food/commodities/{id:int}                  401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        POST   /api/v1/food/commodities                           401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        PUT    /api/v1/food/commodities/{id:int}                  401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        GET    /api/v1/food/baskets                               401   | 403   403   403   403   403   200   403   403   | 403   403   403   403   403   200   403   403
        GET    /api/v1/food/baskets/{id:int}                      401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        POST   /api/v1/food/baskets                               401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        PUT    /api/v1/food/baskets/{id:int}                      401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        GET    /DataProtection/Retention                          login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /api/v1/food/monitoring/cycles/{cycleId}/sample    401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        POST   /api/v1/food/monitoring/cycles/{cycleId}/sample    401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        POST   /api/v1/food/monitoring/cycles/{cycleId}/surveys   401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        GET    /api/v1/food/monitoring/cycles/{cycleId}/indicators 401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        GET    /Food/Monitoring/Index                             login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Food/Monitoring/Sample                            login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Monitoring/Sample?handler=Draw               login | deny  deny  404   deny  deny  404   deny  deny  | 403   403   404   403   403   404   403   403
        GET    /Food/Monitoring/Survey                            login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Monitoring/Survey                            login | deny  deny  404   deny  deny  404   deny  deny  | 403   403   404   403   403   404   403   403
        GET    /Food/Monitoring/Import                            login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Monitoring/Import                            login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Food/Cards/Index                                  login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Cards/Index?handler=Issue                    login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Cards/Index?handler=Sheet                    login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Cards/Index?handler=IssueOne                 login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Cards/Index?handler=Find                     login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Cards/Index?handler=Revoke                   login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Cards/Index?handler=Reissue                  login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /api/v1/food/cards/                                401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        POST   /api/v1/food/cards/{number}/revoke                 401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        POST   /api/v1/food/cards/{number}/reissue                401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        GET    /api/v1/food/stock/balances                        401   | 403   403   200   403   403   200   403   403   | 403   403   200   403   403   200   403   403
        GET    /api/v1/food/stock/movements                       401   | 403   403   200   403   403   200   403   403   | 403   403   200   403   403   200   403   403
        POST   /api/v1/food/stock/movements                       401   | 403   403   400   403   403   400   403   403   | 403   403   400   403   403   400   403   403
        GET    /Food/Stock/Index                                  login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Food/Stock/Post                                   login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        POST   /Food/Stock/Post                                   login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Food/Stock/History                                login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Food/Stock/Reconciliation                         login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /api/v1/food/cards/{number}                        401   | 403   403   404   403   403   403   403   403   | 403   403   404   403   403   403   403   403
        POST   /api/v1/food/redemptions                           401   | 403   403   400   403   403   403   403   403   | 403   403   400   403   403   403   403   403
        GET    /Food/Distribute/Index                             login | deny  deny  200   deny  deny  deny  deny  deny  | 403   403   200   403   403   403   403   403
        POST   /Food/Distribute/Index?handler=Point               login | deny  deny  200   deny  deny  deny  deny  deny  | 403   403   200   403   403   403   403   403
        POST   /Food/Distribute/Index?handler=ChangePoint         login | deny  deny  302   deny  deny  deny  deny  deny  | 403   403   302   403   403   403   403   403
        POST   /Food/Distribute/Index?handler=Lookup              login | deny  deny  200   deny  deny  deny  deny  deny  | 403   403   200   403   403   403   403   403
        POST   /Food/Distribute/Index?handler=Redeem              login | deny  deny  200   deny  deny  deny  deny  deny  | 403   403   200   403   403   403   403   403
        GET    /DataProtection/SubjectAccess                      login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        GET    /api/v1/people/{id:guid}/subject-access            401   | 403   403   403   403   403   403   404   403   | 403   403   403   403   403   403   403   403
        POST   /Access/BreakGlass                                 login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        POST   /Access/ShareRequests                              login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        POST   /Access/ShareRequests?handler=Decide               login | deny  404   404   deny  404   404   404   deny  | 403   404   404   403   404   404   404   403
        POST   /Account/LoginTotp?handler=Passkey                 login | login login login login login login login login | login login login login login login login login
        POST   /Account/LoginTotp?handler=PasskeyOptions          400   | 400   400   400   400   400   400   400   400   | 400   400   400   400   400   400   400   400
        POST   /Account/Passkeys?handler=Add                      login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        POST   /Account/Passkeys?handler=Options                  login | 200   200   200   200   200   200   200   200   | 403   403   403   403   403   403   403   403
        POST   /Account/Passkeys?handler=Remove                   login | 404   404   404   404   404   404   404   404   | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Alerts?handler=Resolve             login | deny  deny  deny  deny  deny  deny  302   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Audit                              login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Audit?handler=Export               login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Budgets?handler=Grant              login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Budgets?handler=Lift               login | deny  deny  deny  deny  deny  deny  302   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Erasure                            login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Retention?handler=Hold             login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Retention?handler=Lift             login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /DataProtection/Retention?handler=Run              login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   403   403
        POST   /api/v1/people/{id:guid}/erasure                   401   | 403   403   403   403   403   403   400   403   | 403   403   403   403   403   403   400   403
        GET    /api/v1/food/entitlements                          401   | 403   403   200   403   403   200   403   403   | 403   403   200   403   403   200   403   403
        GET    /api/v1/food/entitlements/{id:guid}                401   | 403   403   404   403   403   404   403   403   | 403   403   404   403   403   404   403   403
        GET    /api/v1/food/cycles                                401   | 403   403   403   403   403   200   403   403   | 403   403   403   403   403   200   403   403
        GET    /Food/Cycles/Index                                 login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Food/Cycles/Edit                                  login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Cycles/Edit                                  login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Cycles/Edit?handler=Preview                  login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Food/Cycles/Details                               login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /Food/Cycles/Details?handler=Generate              login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /Food/Cycles/Details?handler=Approve               login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /Food/Cycles/Details?handler=Check                 login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /Food/Cycles/Details?handler=Close                 login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /Food/Cycles/Details?handler=Decide                login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        GET    /Food/Cycles/Programmes                            login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Cycles/Programmes                            login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Food/Cycles/Locations                             login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Food/Cycles/Locations                             login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Food/Collectors/Index                             login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Food/Collectors/Index?handler=Find                login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Food/Collectors/Index?handler=Name                login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Food/Collectors/Index?handler=Withdraw            login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        GET    /api/v1/food/households/{id:guid}/collectors/      401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        POST   /api/v1/food/households/{id:guid}/collectors/      401   | 403   400   403   403   403   403   403   403   | 403   400   403   403   403   403   403   403
        DELETE /api/v1/food/households/{id:guid}/collectors/{personId:guid} 401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        POST   /Food/Cycles/Details?handler=Cancel                login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        POST   /api/v1/food/cycles/{id:int}/generate              401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        POST   /api/v1/food/cycles/{id:int}/approve               401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        POST   /api/v1/food/entitlements/{id:guid}/cancel         401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        GET    /api/v1/education/sections                         401   | 403   403   403   200   403   403   403   200   | 403   403   403   200   403   403   403   200
        GET    /api/v1/education/sections/{id:int}                401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        GET    /api/v1/education/sections/{id:int}/learners       401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        GET    /api/v1/education/courses                          401   | 403   403   403   403   403   403   403   200   | 403   403   403   403   403   403   403   200
        POST   /api/v1/education/courses                          401   | 403   403   403   403   403   403   403   400   | 403   403   403   403   403   403   403   400
        POST   /api/v1/education/sections                         401   | 403   403   403   403   403   403   403   400   | 403   403   403   403   403   403   403   400
        POST   /api/v1/education/sections/{id:int}/sessions       401   | 403   403   403   403   403   403   403   400   | 403   403   403   403   403   403   403   400
        GET    /api/v1/education/sections/{id:int}/waitlist       401   | 403   403   403   403   403   403   403   404   | 403   403   403   403   403   403   403   404
        POST   /api/v1/education/sections/{id:int}/enrolments     401   | 403   403   403   403   403   403   403   400   | 403   403   403   403   403   403   403   400
        POST   /api/v1/education/applications                     401   | 403   403   403   403   403   403   403   400   | 403   403   403   403   403   403   403   400
        GET    /api/v1/education/applications/{id:guid}           401   | 403   403   403   403   403   403   403   404   | 403   403   403   403   403   403   403   404
        POST   /api/v1/education/applications/{id:guid}/withdraw  401   | 403   403   403   403   403   403   403   404   | 403   403   403   403   403   403   403   404
        POST   /api/v1/education/enrolments/{id:guid}/accept      401   | 403   403   403   403   403   403   403   404   | 403   403   403   403   403   403   403   404
        POST   /api/v1/education/enrolments/{id:guid}/decline     401   | 403   403   403   403   403   403   403   404   | 403   403   403   403   403   403   403   404
        POST   /api/v1/education/enrolments/{id:guid}/withdraw    401   | 403   403   403   403   403   403   403   404   | 403   403   403   403   403   403   403   404
        GET    /api/v1/education/creche-demand                    401   | 403   403   403   403   403   403   403   200   | 403   403   403   403   403   403   403   200
        GET    /api/v1/education/sections/{id:int}/register       401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        GET    /api/v1/education/sessions/{id:int}/register       401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        PUT    /api/v1/education/sessions/{id:int}/register       401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        GET    /api/v1/education/enrolments/{id:guid}/exam        401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        POST   /api/v1/education/enrolments/{id:guid}/exam        401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        POST   /api/v1/education/follow-ups/{id:guid}             401   | 403   403   403   404   403   403   403   404   | 403   403   403   404   403   403   403   404
        GET    /api/v1/protection/cases/{id:guid}/notes           401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        GET    /api/v1/protection/cases/{id:guid}/attachments     401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        GET    /api/v1/protection/cases/{id:guid}/attachments/{attachmentId:guid} 401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        POST   /api/v1/protection/cases/{id:guid}/notes           401   | 403   403   403   403   404   403   403   403   | 403   403   403   403   404   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/attachments     401   | 403   403   403   403   404   403   403   403   | 403   403   403   403   404   403   403   403
        GET    /Education/Register/Index                          login | deny  deny  deny  404   deny  deny  deny  404   | 403   403   403   404   403   403   403   404
        POST   /Education/Register/Index                          login | deny  deny  deny  404   deny  deny  deny  404   | 403   403   403   404   403   403   403   404
        POST   /Education/Register/Index?handler=FollowUp         login | deny  deny  deny  404   deny  deny  deny  404   | 403   403   403   404   403   403   403   404
        GET    /Education/Exams/Index                             login | deny  deny  deny  404   deny  deny  deny  404   | 403   403   403   404   403   403   403   404
        POST   /Education/Exams/Index                             login | deny  deny  deny  404   deny  deny  deny  404   | 403   403   403   404   403   403   403   404
        GET    /Verify/Index                                      404   | 404   404   404   404   404   404   404   404   | 404   404   404   404   404   404   404   404
        GET    /Education/Index                                   login | deny  deny  deny  200   deny  deny  deny  200   | 403   403   403   200   403   403   403   200
        GET    /Education/Learners                                login | deny  deny  deny  404   deny  deny  deny  404   | 403   403   403   404   403   403   403   404
        GET    /Education/Waitlist                                login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        POST   /Education/Waitlist?handler=Enrol                  login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        GET    /Education/Application                             login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        GET    /Education/Apply                                   login | deny  deny  deny  deny  deny  deny  deny  200   | 403   403   403   403   403   403   403   200
        POST   /Education/Apply?handler=Find                      login | deny  deny  deny  deny  deny  deny  deny  200   | 403   403   403   403   403   403   403   200
        POST   /Education/Apply?handler=Apply                     login | deny  deny  deny  deny  deny  deny  deny  200   | 403   403   403   403   403   403   403   200
        GET    /api/v1/protection/cases                           401   | 403   403   403   403   200   403   200   403   | 403   403   403   403   200   403   200   403
        GET    /api/v1/protection/cases/{id:guid}                 401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        GET    /api/v1/protection/tasks                           401   | 403   403   403   403   200   403   200   403   | 403   403   403   403   200   403   200   403
        GET    /api/v1/protection/people/{id:guid}/cases          401   | 403   403   403   403   200   403   200   403   | 403   403   403   403   200   403   200   403
        POST   /api/v1/protection/cases                           401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/assessments     401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/approvals       401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/approvals/{id:int}/decision     401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/reopen          401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/reporting-consent 401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        GET    /api/v1/protection/cases/{id:guid}/referrals       401   | 403   403   403   403   404   403   404   403  | 403   403   403   403   404   403   404   403
        GET    /api/v1/protection/cases/{id:guid}/transfers       401   | 403   403   403   403   404   403   404   403  | 403   403   403   403   404   403   404   403
        GET    /api/v1/protection/partners                        401   | 403   403   403   403   200   403   403   403  | 403   403   403   403   200   403   403   403
        GET    /api/v1/protection/caseload                        401   | 403   403   403   403   200   403   403   403  | 403   403   403   403   200   403   403   403
        GET    /api/v1/protection/partners/{id:int}               401   | 403   403   403   403   404   403   403   403  | 403   403   403   403   404   403   403   403
        POST   /api/v1/protection/partners                        401   | 403   403   403   403   400   403   403   403  | 403   403   403   403   400   403   403   403
        PUT    /api/v1/protection/partners/{id:int}               401   | 403   403   403   403   404   403   403   403  | 403   403   403   403   404   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/referrals       401   | 403   403   403   403   400   403   403   403  | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/referrals/{referralId:guid}/steps 401   | 403   403   403   403   400   403   403   403  | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/transfers       401   | 403   403   403   403   400   403   403   403  | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/transfers/{transferId:guid}/answer 401   | 403   403   403   403   400   403   403   403  | 403   403   403   403   400   403   403   403
        GET    /api/v1/protection/cases/{id:guid}/plan            401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        POST   /api/v1/protection/cases/{id:guid}/plan/items      401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/plan/items/{itemId:guid}/done 401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/services        401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/cases/{id:guid}/services/{serviceId:guid}/complete 401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        GET    /Protection/Index                                  login | deny  deny  deny  deny  200   deny  200   deny  | 403   403   403   403   200   403   200   403
        GET    /Protection/Open                                   login | deny  deny  deny  deny  200   deny  deny  deny  | 403   403   403   403   200   403   403   403
        POST   /Protection/Open                                   login | deny  deny  deny  deny  200   deny  deny  deny  | 403   403   403   403   200   403   403   403
        GET    /Protection/Case                                   login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Assessment                login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Close                     login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Reopen                    login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Approve                   login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Reject                    login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=PlanItem                  login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=PlanDone                  login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=PlanApproval              login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Service                   login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=ServiceDone               login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Refer                     login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=ReferralStep              login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Transfer                  login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=TransferAnswer            login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Tracing                   login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=TracingSearch             login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Reveal                    login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Note                      login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        POST   /Protection/Case?handler=Attachment                login | deny  deny  deny  deny  404   deny  404   deny  | 403   403   403   403   404   403   404   403
        GET    /Protection/Partners                               login | deny  deny  deny  deny  200   deny  deny  deny  | 403   403   403   403   200   403   403   403
        GET    /Protection/Caseload                               login | deny  deny  deny  deny  200   deny  deny  deny  | 403   403   403   403   200   403   403   403
        POST   /Protection/Partners?handler=Add                   login | deny  deny  deny  deny  200   deny  deny  deny  | 403   403   403   403   200   403   403   403
        POST   /Protection/Partners?handler=Update                login | deny  deny  deny  deny  404   deny  deny  deny  | 403   403   403   403   404   403   403   403
        GET    /api/v1/protection/tracing/{requestId:guid}        401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        GET    /api/v1/protection/tracing/{requestId:guid}/matches/{matchId:guid}/contact 401   | 403   403   403   403   404   403   404   403   | 403   403   403   403   404   403   404   403
        POST   /api/v1/protection/tracing/                        401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/tracing/{requestId:guid}/matches/{matchId:guid}/reveal 401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        POST   /api/v1/protection/tracing/{requestId:guid}/search 401   | 403   403   403   403   400   403   403   403   | 403   403   403   403   400   403   403   403
        GET    /Education/Courses/Index                           login | deny  deny  deny  deny  deny  deny  deny  200   | 403   403   403   403   403   403   403   200
        POST   /Education/Courses/Index?handler=Course            login | deny  deny  deny  deny  deny  deny  deny  200   | 403   403   403   403   403   403   403   200
        POST   /Education/Courses/Index?handler=Section           login | deny  deny  deny  deny  deny  deny  deny  200   | 403   403   403   403   403   403   403   200
        GET    /Education/Courses/Section                         login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        POST   /Education/Courses/Section?handler=Timetable       login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        POST   /Education/Courses/Section?handler=Accept          login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        POST   /Education/Courses/Section?handler=Decline         login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        POST   /Education/Courses/Section?handler=Withdraw        login | deny  deny  deny  deny  deny  deny  deny  404   | 403   403   403   403   403   403   403   404
        GET    /api/v1/planning/baseline                          401   | 403   403   403   403   403   200   403   403   | 403   403   403   403   403   200   403   403
        POST   /api/v1/planning/forecasts                         401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        GET    /Planning/Index                                    login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Planning/Index                                    login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /api/v1/planning/scenarios                         401   | 403   403   403   403   403   200   403   403   | 403   403   403   403   403   200   403   403
        GET    /api/v1/planning/scenarios/{id:int}                401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        POST   /api/v1/planning/scenarios                         401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        PUT    /api/v1/planning/scenarios/{id:int}                401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        DELETE /api/v1/planning/scenarios/{id:int}                401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        GET    /api/v1/planning/scenarios/{id:int}/forecast       401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        GET    /api/v1/planning/scenarios/{id:int}/sensitivity    401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        GET    /api/v1/planning/compare                           401   | 403   403   403   403   403   400   403   403   | 403   403   403   403   403   400   403   403
        GET    /api/v1/planning/scenarios/{id:int}/forecast.xlsx  401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        GET    /api/v1/planning/scenarios/{id:int}/brief.pdf      401   | 403   403   403   403   403   404   403   403   | 403   403   403   403   403   404   403   403
        GET    /Planning/Scenarios/Index                          login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /Planning/Scenarios/Edit                           login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Planning/Scenarios/Edit                           login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        POST   /Planning/Scenarios/Edit?handler=Delete            login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        GET    /Planning/Scenarios/View                           login | deny  deny  deny  deny  deny  404   deny  deny  | 403   403   403   403   403   404   403   403
        GET    /Planning/Scenarios/Compare                        login | deny  deny  deny  deny  deny  200   deny  deny  | 403   403   403   403   403   200   403   403
        GET    /api/v1/imports/                                   401   | 403   200   403   403   403   403   403   403   | 403   200   403   403   403   403   403   403
        POST   /api/v1/imports/                                   401   | 403   400   403   403   403   403   403   403   | 403   400   403   403   403   403   403   403
        GET    /api/v1/imports/{id:guid}                          401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        PUT    /api/v1/imports/{id:guid}/mapping                  401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        POST   /api/v1/imports/{id:guid}/dry-run                  401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        GET    /api/v1/imports/{id:guid}/report                   401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        POST   /api/v1/imports/{id:guid}/commit                   401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        DELETE /api/v1/imports/{id:guid}                          401   | 403   404   403   403   403   403   403   403   | 403   404   403   403   403   403   403   403
        GET    /Imports/Index                                     login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        GET    /Imports/New                                       login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        POST   /Imports/New                                       login | deny  200   deny  deny  deny  deny  deny  deny  | 403   200   403   403   403   403   403   403
        GET    /Imports/Job                                       login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Imports/Job?handler=Mapping                       login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Imports/Job?handler=DryRun                        login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Imports/Job?handler=Commit                        login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /Imports/Job?handler=Cancel                        login | deny  404   deny  deny  deny  deny  deny  deny  | 403   404   403   403   403   403   403   403
        POST   /api/v1/exports/                                   401   | 403   400   400   403   400   400   400   403   | 403   400   400   403   400   400   400   403
        GET    /api/v1/exports/                                   401   | 403   200   200   403   200   200   200   403   | 403   200   200   403   200   200   200   403
        GET    /api/v1/exports/all                                401   | 403   403   403   403   403   403   200   403   | 403   403   403   403   403   403   200   403
        POST   /api/v1/exports/{id:guid}/approve                  401   | 403   403   403   403   403   403   404   403   | 403   403   403   403   403   403   404   403
        POST   /api/v1/exports/{id:guid}/refuse                   401   | 403   403   403   403   403   403   404   403   | 403   403   403   403   403   403   404   403
        GET    /api/v1/exports/{id:guid}/file                     401   | 403   404   404   403   404   404   404   403   | 403   404   404   403   404   404   404   403
        GET    /api/v1/exports/recipients                         401   | 403   200   200   403   200   200   200   403   | 403   200   200   403   200   200   200   403
        POST   /api/v1/exports/recipients                         401   | 403   403   403   403   403   403   400   403   | 403   403   403   403   403   403   400   403
        DELETE /api/v1/exports/recipients/{id:int}                401   | 403   403   403   403   403   403   404   403   | 403   403   403   403   403   403   404   403
        GET    /api/v1/aggregates/people                          401   | 403   200   200   403   200   200   200   403   | 403   200   200   403   200   200   200   403
        GET    /Exports/Index                                     login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        POST   /Exports/Index                                     login | deny  200   200   deny  200   200   200   deny  | 403   200   200   403   200   200   200   403
        GET    /Exports/Queue                                     login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   200   403
        POST   /Exports/Queue?handler=Approve                     login | deny  deny  deny  deny  deny  deny  404   deny  | 403   403   403   403   403   403   404   403
        POST   /Exports/Queue?handler=Refuse                      login | deny  deny  deny  deny  deny  deny  404   deny  | 403   403   403   403   403   403   404   403
        POST   /Exports/Queue?handler=AddRecipient                login | deny  deny  deny  deny  deny  deny  200   deny  | 403   403   403   403   403   403   200   403
        POST   /Exports/Queue?handler=RemoveRecipient             login | deny  deny  deny  deny  deny  deny  404   deny  | 403   403   403   403   403   403   404   403
        GET    /Dashboards/Index                                  login | deny  200   200   deny  200   200   deny  200   | 403   200   200   403   200   200   403   200
        GET    /Dashboards/Registry                               login | deny  200   deny  deny  deny  200   deny  deny  | 403   200   403   403   403   200   403   403
        GET    /Dashboards/Food                                   login | deny  deny  200   deny  deny  200   deny  deny  | 403   403   200   403   403   200   403   403
        GET    /Dashboards/Education                              login | deny  deny  deny  deny  deny  200   deny  200   | 403   403   403   403   403   200   403   200
        GET    /Dashboards/Protection                             login | deny  deny  deny  deny  200   deny  deny  deny  | 403   403   403   403   200   403   403   403
        GET    /api/v1/dashboards/registry                        401   | 403   200   403   403   403   200   403   403   | 403   200   403   403   403   200   403   403
        GET    /api/v1/dashboards/food                            401   | 403   403   200   403   403   200   403   403   | 403   403   200   403   403   200   403   403
        GET    /api/v1/dashboards/education                       401   | 403   403   403   403   403   200   403   200   | 403   403   403   403   403   200   403   200
        GET    /api/v1/dashboards/protection                      401   | 403   403   403   403   200   403   403   403   | 403   403   403   403   200   403   403   403
        GET    /api/v1/reports/donor/registry                     401   | 403   200   403   403   403   200   403   403   | 403   200   403   403   403   200   403   403
        GET    /api/v1/reports/donor/food                         401   | 403   403   200   403   403   200   403   403   | 403   403   200   403   403   200   403   403
        GET    /api/v1/reports/donor/education                    401   | 403   403   403   403   403   200   403   200   | 403   403   403   403   403   200   403   200
        """;

    /// <summary>The matrix's columns: anonymous, the sessions of each role, the tokens of each role.</summary>
    public static readonly string[] Headings =
        ["anon", .. MatrixCallers.RoleColumns.Select(c => c.Heading), .. MatrixCallers.RoleColumns.Select(c => "t" + c.Heading)];

    /// <summary>The matrix as key ("GET /route") → expected outcome per column, in <see cref="Headings"/>' order.</summary>
    public static Dictionary<string, string[]> ExpectedOutcomes()
    {
        var lines = Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["endpoint", .. Headings], Words(lines[0]));
        var rows = new Dictionary<string, string[]>();
        foreach (var line in lines.Skip(1))
        {
            var words = Words(line);
            Assert.True(words.Count == 2 + Headings.Length, $"The matrix row \"{line}\" needs a method, a route and {Headings.Length} outcomes.");
            Assert.True(rows.TryAdd(words[0] + " " + words[1], words[2..].ToArray()), $"Two matrix rows for {words[0]} {words[1]}.");
        }
        return rows;
    }

    /// <summary>Outcomes that mean the caller was kept out.</summary>
    public static bool IsRefusal(string outcome) => outcome is "401" or "403" or "login" or "deny";

    private static List<string> Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "|").ToList();

    /// <summary>
    /// Endpoints only a person's interactive, 2FA-verified cookie session reaches: a bearer token, even
    /// an administrator's, is refused (403) here whatever its role. <c>PAGE /x</c> stands for every method and
    /// handler of page /x; an API endpoint is named by its method and route.
    /// </summary>
    public static readonly IReadOnlySet<string> SessionOnly = new HashSet<string>
    {
        "PAGE /Admin/Users",
        "PAGE /Admin/Tokens",
        "PAGE /Account/Password",
        "PAGE /Account/Tokens",
        "PAGE /Account/Passkeys",
        "PAGE /DataProtection/Index",
        "PAGE /DataProtection/Audit",
        "PAGE /DataProtection/SubjectAccess",
        "PAGE /DataProtection/Budgets",
        "PAGE /DataProtection/Alerts",
        "PAGE /DataProtection/Erasure",
        "PAGE /DataProtection/Retention",
        "GET /api/v1/people/{id:guid}/subject-access",
    };

    /// <summary>Is this matrix key covered by <see cref="SessionOnly"/>?</summary>
    public static bool IsSessionOnly(string key) =>
        SessionOnly.Contains(key) || SessionOnly.Contains("PAGE " + key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('?')[0]);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    /// <summary>Every route endpoint × method; for pages, GET and each non-GET handler the page declares.</summary>
    public static List<EndpointCell> Discover(PanahApp app)
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var cells = new Dictionary<string, EndpointCell>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var url = Parameter().Replace(pattern, m => m.Value.Contains("guid") ? Guid.NewGuid().ToString() : m.Value.Contains(":int") ? int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : m.Value.Contains("documentName") ? "v1" : "x");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // An Index page answers at its folder and at /Index; keep one.
                var pageUrl = url.EndsWith("/Index", StringComparison.Ordinal) ? url[..^"Index".Length] : url;
                cells.TryAdd("GET " + page.ViewEnginePath, new EndpointCell("GET " + page.ViewEnginePath, "GET", pageUrl, false, true));
                var compiled = loader.LoadAsync(page, endpoint.Metadata).GetAwaiter().GetResult();
                foreach (var handler in compiled.HandlerMethods.Where(h => !string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var suffix = handler.Name is null ? "" : "?handler=" + handler.Name;
                    var key = $"{method} {page.ViewEnginePath}{suffix}";
                    cells.TryAdd(key, new EndpointCell(key, method, pageUrl + suffix, false, true));
                }
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                var key = $"{method} {pattern}";
                cells.TryAdd(key, new EndpointCell(key, method, url, pattern.StartsWith("/api", StringComparison.Ordinal), false));
            }
        }
        return cells.Values.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
    }
}
