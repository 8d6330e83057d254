import Testing
@testable import DagforgeEngine

@Suite("Form and query decoding")
struct FormDecodingTests {
    @Test("decodes percent-encoding and +, keeps the first value of a name")
    func encoded() {
        var parameters: [String: String] = [:]
        FormDecoding.parse("name=a%20b+c&name=second&empty=&flag", into: &parameters)
        #expect(parameters == ["name": "a b c", "empty": "", "flag": ""])
    }

    @Test("accepts the API tests' raw `?&` bodies with unencoded JSON")
    func rawBodies() {
        var parameters: [String: String] = [:]
        FormDecoding.parse(#"?&projectCode=1&schedule={"startTime":"2019-08-08 00:00:00","crontab":"0 0 3/6 * * ? *"}"#,
                           into: &parameters)
        #expect(parameters["projectCode"] == "1")
        #expect(parameters["schedule"] == #"{"startTime":"2019-08-08 00:00:00","crontab":"0 0 3/6 * * ? *"}"#)
    }

    @Test("a broken percent-encoding is kept as written")
    func brokenEncoding() {
        var parameters: [String: String] = [:]
        FormDecoding.parse("value=100%", into: &parameters)
        #expect(parameters["value"] == "100%")
    }
}

@Suite("Multipart bodies")
struct MultipartFormTests {
    @Test("finds the file part and its bytes")
    func filePart() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\nx=1\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.json\"\r\nContent-Type: application/octet-stream\r\n\r\n[1,2]\r\n--b--\r\n".utf8)
        let form = try #require(MultipartForm(body: body, boundary: "b"))
        let file = try #require(form.part(named: "file"))
        #expect(String(decoding: file.body, as: UTF8.self) == "[1,2]")
        #expect(file.filename == "t.json")
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"b\"") == "b")
    }
}
