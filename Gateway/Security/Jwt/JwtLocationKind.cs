namespace OrleansMesh.Gateway.Security.Jwt;

internal enum JwtLocationKind
{
    Header,
    Query,
    Cookie,
}
