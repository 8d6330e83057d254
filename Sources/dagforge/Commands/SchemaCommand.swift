import ArgumentParser
import DagforgeSpec
import DagforgeWire
import Foundation

/// `dagforge schema`: JSON Schema of the spec files, generated from the decoders themselves.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of workflow.yaml, environment files and dagforge.yaml (for editors and CI)."
    )

    enum File: String, ExpressibleByArgument, CaseIterable { case all, workflow, environment, project }

    @Option(help: "Which schema: \(File.allCases.map(\.rawValue).joined(separator: ", ")).")
    var file: File = .all

    func run() throws {
        let schema: JSONValue = switch file {
        case .all: SpecSchema.all
        case .workflow: SpecSchema.workflowFile
        case .environment: SpecSchema.environmentFile
        case .project: SpecSchema.projectFile
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(schema), as: UTF8.self))
    }
}
