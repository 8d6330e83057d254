import Foundation
import Testing
@testable import DagforgeDeploy

@Suite("Envelope array")
struct EnvelopeArrayTests {
    private func texts(_ array: EnvelopeArray, of body: Data) -> [String] {
        array.elements.map { String(decoding: body[$0], as: UTF8.self).trimmingCharacters(in: .whitespaces) }
    }

    @Test("finds each element of data, whatever its strings hold")
    func splitsElements() throws {
        let body = Data(#"""
        {"code":0,"msg":"ok, \"data\": [1]","data": [ {"a":"x],{\"y","data":[1,2]} , [3,{"b":4}],"s\\",null ,5],"success":true}
        """#.utf8)
        let array = try #require(EnvelopeArray(body))
        #expect(texts(array, of: body) == [#"{"a":"x],{\"y","data":[1,2]}"#, #"[3,{"b":4}]"#, #""s\\""#, "null", "5"])
        let envelope = try JSONSerialization.jsonObject(with: array.envelope) as? [String: Any]
        #expect(envelope?["msg"] as? String == #"ok, "data": [1]"#)
        #expect((envelope?["data"] as? [Any])?.isEmpty == true)
    }

    @Test("a quote after an odd run of backslashes is inside the string, after an even run it ends it")
    func backslashRuns() throws {
        let body = Data(#"{"code":0,"data":["a\\\"b],","c\\\\",{"d":"\\\\\"]"}]}"#.utf8)
        let array = try #require(EnvelopeArray(body))
        #expect(texts(array, of: body) == [#""a\\\"b],""#, #""c\\\\""#, #"{"d":"\\\\\"]"}"#])
    }

    @Test("an empty array has no elements; offsets hold for a slice of a larger buffer")
    func emptyArrayAndSlices() throws {
        let empty = try #require(EnvelopeArray(Data(#"{"data":[],"code":0}"#.utf8)))
        #expect(empty.elements.isEmpty)
        let buffer = Data(#"xx{"code":0,"data":[{"k":1},{"k":2}]}"#.utf8)
        let slice = buffer[buffer.startIndex + 2 ..< buffer.endIndex]
        let array = try #require(EnvelopeArray(slice))
        #expect(texts(array, of: slice) == [#"{"k":1}"#, #"{"k":2}"#])
    }

    @Test("no array under data, or text that does not close, is left to the full decoder")
    func refusesWhatItCannotSplit() {
        #expect(EnvelopeArray(Data(#"{"code":10001,"msg":"no","data":null}"#.utf8)) == nil)
        #expect(EnvelopeArray(Data(#"{"code":0,"data":[{"k":1}"#.utf8)) == nil)
        #expect(EnvelopeArray(Data(#"[{"data":[1]}]"#.utf8)) == nil)
        #expect(EnvelopeArray(Data("<html>502</html>".utf8)) == nil)
    }
}
