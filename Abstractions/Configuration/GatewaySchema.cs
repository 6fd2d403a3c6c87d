using OrleansMesh.Networking;
using static OrleansMesh.Configuration.CommonSchema;

namespace OrleansMesh.Configuration;

/// <summary>The fields of a Gateway spec, by Istio's names.</summary>
internal static class GatewaySchema
{
    public static readonly ObjectCodec<GatewayPort> Port = new ObjectCodec<GatewayPort>("Port")
        .Field("number", UInt, p => p.Number, (p, v) => p with { Number = v }, always: true)
        .Field("protocol", Str, p => p.Protocol, (p, v) => p with { Protocol = v }, always: true)
        .Field("name", Str, p => p.Name, (p, v) => p with { Name = v })
        .Optional("targetPort", UInt, p => p.TargetPort, (p, v) => p with { TargetPort = v });

    private static readonly ChoiceCodec s_tlsVersion = new("TLS_AUTO", "TLSV1_0", "TLSV1_1", "TLSV1_2", "TLSV1_3");

    public static readonly ObjectCodec<ServerTlsSettings> Tls = new ObjectCodec<ServerTlsSettings>("ServerTLSSettings")
        .Field("httpsRedirect", Bool, t => t.HttpsRedirect, (t, v) => t with { HttpsRedirect = v })
        .Field("mode", new ChoiceCodec("PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"), t => t.Mode, (t, v) => t with { Mode = v })
        .Field("serverCertificate", Str, t => t.ServerCertificate, (t, v) => t with { ServerCertificate = v })
        .Field("privateKey", Str, t => t.PrivateKey, (t, v) => t with { PrivateKey = v })
        .Field("caCertificates", Str, t => t.CaCertificates, (t, v) => t with { CaCertificates = v })
        .Field("credentialName", Str, t => t.CredentialName, (t, v) => t with { CredentialName = v })
        .Field("subjectAltNames", StrList, t => t.SubjectAltNames, (t, v) => t with { SubjectAltNames = v })
        .Field("minProtocolVersion", s_tlsVersion, t => t.MinProtocolVersion, (t, v) => t with { MinProtocolVersion = v })
        .Field("maxProtocolVersion", s_tlsVersion, t => t.MaxProtocolVersion, (t, v) => t with { MaxProtocolVersion = v })
        .Field("cipherSuites", StrList, t => t.CipherSuites, (t, v) => t with { CipherSuites = v })
        .Unsupported("verifyCertificateSpki", "verifyCertificateHash", "caCrl", "credentialNames", "tlsCertificates", "caCertCredentialName", "insecureSkipVerify");

    public static readonly ObjectCodec<GatewayServer> Server = new ObjectCodec<GatewayServer>("Server")
        .Field("port", Port, s => s.Port, (s, v) => s with { Port = v }, always: true)
        .Field("hosts", StrList, s => s.Hosts, (s, v) => s with { Hosts = v })
        .Field("bind", Str, s => s.Bind, (s, v) => s with { Bind = v })
        .Field("tls", Tls, s => s.Tls, (s, v) => s with { Tls = v })
        .Field("name", Str, s => s.Name, (s, v) => s with { Name = v })
        .Unsupported("defaultEndpoint");

    public static readonly ObjectCodec<GatewaySpec> Spec = new ObjectCodec<GatewaySpec>("Gateway")
        .Field("selector", StrMap, s => s.Selector, (s, v) => s with { Selector = v })
        .Field("servers", new ListCodec<GatewayServer>(Server), s => s.Servers, (s, v) => s with { Servers = v });
}
