using Panah.Web.Features.Food.Baskets;
using Panah.Web.Features.Food.Cards;
using Panah.Web.Features.Food.Collectors;
using Panah.Web.Features.Food.Cycles;
using Panah.Web.Features.Food.Monitoring;
using Panah.Web.Features.Food.Redeem;
using Panah.Web.Features.Food.Stock;

namespace Panah.Web.Features.Food;

/// <summary>Every food assistance endpoint under /api/v1/food, part by part.</summary>
public static class FoodApi
{
    public static IEndpointRouteBuilder MapFoodApi(this IEndpointRouteBuilder app) => app
        .MapBasketsApi()
        .MapFoodCyclesApi()
        .MapFoodCycleActionsApi()
        .MapCardsApi()
        .MapRedeemApi()
        .MapStockApi()
        .MapFoodMonitoringApi()
        .MapCollectorsApi();
}
