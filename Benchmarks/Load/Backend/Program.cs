// The load benchmark's upstream: a fixed ~100-byte JSON body for any request, as cheap as Kestrel allows,
// so that the proxy in front of it, not the backend, is what the numbers measure.
var body = """{"id":"cmpl-bench","object":"chat.completion","model":"bench-model","choices":[{"index":0,"text":"ok"}]}"""u8.ToArray();

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();

var app = builder.Build();
app.Run(context =>
{
    var response = context.Response;
    response.ContentType = "application/json";
    response.ContentLength = body.Length;
    return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
});
await app.RunAsync();
