@testable import DagforgeSpec
import Testing

struct NameSuggestionTests {
    @Test func suggestsTheClosestKnownName() {
        #expect(NameSuggestion.closest(to: "upstrem", in: ["upstream", "datasource", "retries"]) == "upstream")
        #expect(NameSuggestion.closest(to: "retrys", in: ["upstream", "datasource", "retries"]) == "retries")
    }

    @Test func transpositionsCountAsOneEdit() {
        #expect(NameSuggestion.editDistance("upsteram", "upstream") == 1)
    }

    @Test func unrelatedAndShortNamesGetNoSuggestion() {
        #expect(NameSuggestion.closest(to: "note", in: ["name", "upstream"]) == nil)
        #expect(NameSuggestion.closest(to: "ab", in: ["ac"]) == nil)
    }
}
