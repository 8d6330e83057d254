import Foundation

/// What the command line knows about where its output goes.
enum Terminal {
    /// Colour when standard output is a terminal, unless `NO_COLOR` is set or the terminal is dumb.
    static var colorsStandardOutput: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Asks on standard error and reads one line; only `yes` (or `y`) agrees. Without an answer (no
    /// terminal, end of input) the answer is no.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) Only 'yes' will be accepted: ".utf8))
        guard let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() else {
            FileHandle.standardError.write(Data("\n".utf8))
            return false
        }
        return answer == "yes" || answer == "y"
    }

    /// Prints a line and flushes it at once (progress must show while the work runs, even when piped).
    static func printNow(_ line: String) {
        print(line)
        fflush(nil)
    }
}
