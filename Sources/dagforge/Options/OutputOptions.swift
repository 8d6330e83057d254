import ArgumentParser
import DagforgeSpec
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

/// `--format` and `--color`: how `validate` writes its report.
struct OutputOptions: ParsableArguments {
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(help: "Output format: \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: DiagnosticFormat = .text

    @Option(help: "Colour the text format: auto (only on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    /// Whether the text format gets ANSI colours: `auto` colours only when standard output is a terminal.
    var usesColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}
