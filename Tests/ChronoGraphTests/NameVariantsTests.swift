import ChronoGraph
import Testing

@Suite("Name variants: the keys typed and stored names share")
struct NameVariantsTests {
    @Test(arguments: [
        ("aliev", "aliyev"), ("ilkham", "ilham"), ("shahin", "sahin"), ("mammadov", "mamadov"), ("yevlakh", "evlah"),
    ])
    func transliterationsFoldToOneSpelling(typed: String, stored: String) {
        #expect(NameVariants.foldSpelling(typed) == NameVariants.foldSpelling(stored))
    }

    @Test func articlesAndTheStateSuffixDoNotDistinguishNames() {
        let full = NameVariants.key("ministry of internal affairs of the republic of azerbaijan")
        #expect(full == NameVariants.key("the ministry of internal affairs"))
        #expect(
            NameVariants.key("president of azerbaijan") == NameVariants.key("president of the republic of azerbaijan")
        )
        // A name that is only the state keeps its words.
        #expect(NameVariants.key("republic of azerbaijan") == "republic azerbaijan")
    }

    @Test func initialsMatchWordForWord() {
        #expect(NameVariants.matchesWithInitials(typed: "i aliyev", stored: "ilham aliyev"))
        #expect(NameVariants.matchesWithInitials(typed: "i aliev", stored: "ilham aliyev"))
        #expect(!NameVariants.matchesWithInitials(typed: "h aliyev", stored: "ilham aliyev"))
        #expect(!NameVariants.matchesWithInitials(typed: "ilham aliyev", stored: "ilham aliyev"))
        #expect(!NameVariants.matchesWithInitials(typed: "i aliyev", stored: "ilham heydar aliyev"))
    }

    @Test func searchWordsDropStopWordsAndBudgetTypos() {
        #expect(
            SearchWords.of("What happened to the resettlement of forced migrants?") == [
                "happened", "resettlement", "forced", "migrants",
            ]
        )
        #expect(SearchWords.of("the of") == ["the", "of"])
        #expect([4, 5, 8, 9].map { SearchWords.typoBudget(length: $0) } == [0, 1, 1, 2])
    }
}
