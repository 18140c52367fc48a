import ChronoGraph
import Testing

@Suite("Name normalization")
struct NameNormalizerTests {
    @Test(arguments: [
        ("Law \"On Immigration\"", "law on immigration"),
        ("Law “On immigration”", "law on immigration"),
        ("  Azərbaycan  Respublikası ", "azerbaycan respublikasi"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("U.S.", "us"),
        ("İlham Əliyev", "ilham eliyev"),
        ("Çələbi's   office", "celebis office"),
        ("!!!", ""),
    ])
    func foldsCaseDiacriticsAndPunctuation(_ input: String, _ expected: String) {
        #expect(NameNormalizer.normalize(input) == expected)
    }
}
