namespace OrleansMesh.Samples.ModelServer.Ledger;

/// <summary>Records each request's <c>x-request-id</c> in the <see cref="RequestLedger"/> as it arrives.</summary>
internal sealed class RequestLedgerMiddleware(RequestDelegate next, RequestLedger ledger)
{
    public const string RequestIdHeader = "x-request-id";

    public Task InvokeAsync(HttpContext context)
    {
        if (ledger.IsEnabled && context.Request.Method == HttpMethods.Post)
        {
            ledger.Record(context.Request.Headers[RequestIdHeader].ToString());
        }

        return next(context);
    }
}
