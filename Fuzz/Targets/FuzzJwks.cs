namespace OrleansMesh.Fuzz.Targets;

/// <summary>
/// The public keys the jwt target trusts. The private halves were thrown away once the seed tokens in
/// Fuzz/corpus/jwt were signed: only those seeds (and what the fuzzer derives from them) carry real signatures.
/// </summary>
internal static class FuzzJwks
{
    public const string Issuer = "fuzz@orleansmesh.test";

    /// <summary>An issuer that accepts any audience.</summary>
    public const string OpenIssuer = "open@orleansmesh.test";

    public const string Json = """
        {"keys":[{"kty":"RSA","kid":"fuzz-rsa","use":"sig","alg":"RS256","n":"oQYBlTLJDV0zvwVQ59sKzKgOd4ugd5_w3FpA-RnY7IdtFaVd8353W3jkGUYHglNzzbI9jjhsx9-iAYElPZZ_qvzjX9oPTPKRY9ECWdhY_KTuFkQz_KV-Z9ag5VUO85Wi34chcgPGhnGwaz-sOd4IWfg4cl7TGqd67sT_eQtHeVphfqXAOyg-0Hx3nfxxtBPmjviZURtY968Hy3HOyAcWI1jbeCAp-HWg40O5ZEm9aJ9riq2u2uuk8R-i4OynAuECBCF-64K-9M1eoDc0_FnLfJA0JljrkXpkcx4fIotAv3wTyJFhdDnoSjufkdiq9ypbOvec9Q4DwdEoam-pZ0IQ8Q","e":"AQAB"},{"kty":"EC","kid":"fuzz-ec","crv":"P-256","x":"XMggAI94cvO0VvTGOP9WkAk1ws5eJ-VelsxYtPux-KA","y":"jxB6pV_MZfysNVaZb_0T5AddOILRJAOM64kKU9S2Yr4"}]}
        """;
}
