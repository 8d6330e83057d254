import DagforgeCompiler
import Foundation

/// `dagforge lineage` without files: the repository's table map.
extension LineageCommand {
    func printTableMap() throws {
        let loaded = try repository.load()
        DiagnosticPrinter.printToStandardError(loaded.diagnostics)
        let map = RepositoryLineage(repository: loaded).tables
        switch format {
        case .text: print(Self.text(map), terminator: "")
        case .json: print(try Self.json(map))
        }
    }

    private static func text(_ map: TableMap) -> String {
        var text = ""
        for table in map.tables where !table.isExternal {
            text += "\(table.name)\n"
            for writer in table.writers { text += "  written by  \(writer.task)  (\(writer.range.description))\n" }
            for reader in table.readers { text += "  read by     \(reader.task)  (\(reader.range.description))\n" }
        }
        let external = map.externalSources
        if !external.isEmpty {
            text += "external sources (read, written by no task):\n"
            for table in external {
                text += "  \(table.name)\n"
                for reader in table.readers { text += "    read by  \(reader.task)  (\(reader.range.description))\n" }
            }
        }
        return text.isEmpty ? "no SQL tables\n" : text
    }

    /// `{"tables": [{"name", "writers": [{"task", "at"}], "readers": [...]}], "external_sources": [names]}`.
    private static func json(_ map: TableMap) throws -> String {
        struct Use: Encodable {
            var task: String
            var at: String
        }
        struct Table: Encodable {
            var name: String
            var writers: [Use]
            var readers: [Use]
        }
        struct Document: Encodable {
            var tables: [Table]
            var externalSources: [String]

            enum CodingKeys: String, CodingKey {
                case tables
                case externalSources = "external_sources"
            }
        }
        func uses(_ list: [TableUse]) -> [Use] { list.map { Use(task: $0.task.description, at: $0.range.description) } }
        let document = Document(
            tables: map.tables.map { Table(name: $0.name, writers: uses($0.writers), readers: uses($0.readers)) },
            externalSources: map.externalSources.map(\.name))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
