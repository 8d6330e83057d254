@testable import DagforgeDeploy
import Testing

@Suite struct MarkerTests {
    let marker = Marker(sourcePath: "workflows/pv_daily", commit: "1f0c2d3e4b5a69788796a5b4c3d2e1f001234567", contentHash: "9f86d081884c7d65")

    @Test func roundTripsThroughADescription() {
        let description = marker.description(userText: "Daily signal detection\nowner: pv-team")
        #expect(description.hasSuffix("\n" + marker.line))
        #expect(Marker.parse(description: description) == marker)
        #expect(Marker.userText(of: description) == "Daily signal detection\nowner: pv-team")
        #expect(Marker.parse(description: marker.description(userText: "")) == marker)
    }

    @Test func theLineIsReadableInTheUI() {
        #expect(marker.line == "managed by dagforge | source: workflows/pv_daily | commit: 1f0c2d3e4b5a69788796a5b4c3d2e1f001234567 | hash: 9f86d081884c7d65")
    }

    @Test func staysWithin255CodePointsByShorteningTheUserText() {
        let long = String(repeating: "数据", count: 200)
        let description = marker.description(userText: long)
        #expect(description.unicodeScalars.count == Marker.descriptionLimit)
        #expect(Marker.parse(description: description) == marker)
        #expect(Marker.userText(of: description).hasSuffix("…"))
        #expect(Marker.deployedUserText(long, sourcePath: marker.sourcePath, commit: marker.commit) == Marker.userText(of: description))
    }

    @Test func descriptionsWithoutTheMarkerAreNotManaged() {
        #expect(Marker.parse(description: "made in the UI") == nil)
        #expect(Marker.parse(description: "") == nil)
        #expect(Marker.parse(description: "managed by dagforge, honest") == nil)
        #expect(Marker.userText(of: "made in the UI") == "made in the UI")
        #expect(Marker.parse(description: "managed by dagforge | source: a | commit: b") == nil)
        #expect(Marker.parse(description: "managed by dagforge | source: a | commit b | hash: c") == nil)
    }

    @Test func readsFieldsInAnyOrderAndIgnoresUnknownOnes() {
        #expect(Marker.parse(description: "text\nmanaged by dagforge | hash: h | note: x:y | source: s | commit: c")
            == Marker(sourcePath: "s", commit: "c", contentHash: "h"))
        #expect(Marker.parse(description: "managed by dagforge | source: a|b | commit: c | hash: h")?.sourcePath == "a|b")
        #expect(Marker.parse(description: "managed by dagforge | source: x | | hash: h | commit: c") == nil)
        #expect(Marker.parse(description: "managed by dagforge | source: x | y | hash: h | commit: c") == nil)
        #expect(Marker.parse(description: "managed by dagforge | source:a: b | hash: h | commit: c") == nil)
    }
}
