import Foundation
import Testing
@testable import DagforgeEngine

@Suite("Task log stamps")
struct TaskLogStampTests {
    @Test("a stamp is now in UTC as yyyy-MM-dd HH:mm:ss.SSS")
    func stamp() throws {
        let before = Date()
        let stamp = TaskLogWriter.timestamp()
        let after = Date()
        #expect(stamp.utf8.count == 23)
        #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}/) != nil)
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        let parsed = try #require(parser.date(from: stamp))
        // Milliseconds are cut, not rounded.
        #expect(parsed >= before.addingTimeInterval(-0.001) && parsed <= after)
    }
}
