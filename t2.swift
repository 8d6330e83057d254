import Foundation
let pid = CommandLine.arguments[1]
let d = FileManager.default.contents(atPath: "/proc/\(pid)/environ")
print("contents:", d?.count ?? -1)
let h = FileHandle(forReadingAtPath: "/proc/\(pid)/environ")
print("handle:", (try? h?.readToEnd())??.count ?? -1)
