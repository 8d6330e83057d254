import DagforgeWire
import Foundation
import GRDB

/// Reading workflows with their DAGs. A DagData is assembled from the definition row and the compact JSON
/// stored with its current version, so `/all` for thousands of workflows is one query and string splicing.
extension EngineStore {
    private static let dagSelect = """
        SELECT processDefinition.*, processDefinitionLog.relationsJSON AS relationsJSON,
               processDefinitionLog.tasksJSON AS tasksJSON
        FROM processDefinition JOIN processDefinitionLog
          ON processDefinitionLog.code = processDefinition.code AND processDefinitionLog.version = processDefinition.version
        """

    private static func appendDag(_ row: Row, to output: inout String, encoder: JSONEncoder) throws {
        let definition = try ProcessDefinitionRecord(row: row).wire
        output += "{\"processDefinition\":"
        output += String(decoding: try encoder.encode(definition), as: UTF8.self)
        output += ",\"processTaskRelationList\":"
        output += row["relationsJSON"] as String
        output += ",\"taskDefinitionList\":"
        output += row["tasksJSON"] as String
        output += "}"
    }

    /// The DagData JSON of workflow `code` at its current version, nil when it does not exist (a cached
    /// statement: query-by-code is the hot read of a deployer).
    func dagDataJSON(code: Int64) async throws -> String? {
        try await read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Self.dagSelect + " WHERE processDefinition.code = ?"),
                                             arguments: [code]) else {
                return nil
            }
            var output = ""
            try Self.appendDag(row, to: &output, encoder: WireJSON.encoder())
            return output
        }
    }

    func dagDataJSON(projectCode: Int64, name: String) async throws -> String? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: Self.dagSelect + " WHERE processDefinition.projectCode = ? AND processDefinition.name = ?",
                                             arguments: [projectCode, name]) else { return nil }
            var output = ""
            try Self.appendDag(row, to: &output, encoder: WireJSON.encoder())
            return output
        }
    }

    /// A JSON array of the DagData of every workflow of the project, newest first.
    func dagDataJSON(projectCode: Int64) async throws -> String {
        try await read { db in
            let encoder = WireJSON.encoder()
            // Ids in order first, then each DAG by its id: ordering the joined rows themselves made SQLite sort
            // every DAG's JSON in a temporary b-tree (written to a temporary file for 4,000 workflows).
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM processDefinition WHERE projectCode = ? ORDER BY id DESC",
                                         arguments: [projectCode])
            let byID = try db.cachedStatement(sql: Self.dagSelect + " WHERE processDefinition.id = ?")
            // Reserved up front from the stored JSON's size (grown piece by piece, 47 MB were copied several
            // times over); each definition's own fields are rarely over a kilobyte.
            let storedBytes = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(length(CAST(processDefinitionLog.tasksJSON AS BLOB))
                                    + length(CAST(processDefinitionLog.relationsJSON AS BLOB))), 0)
                FROM processDefinition JOIN processDefinitionLog
                  ON processDefinitionLog.code = processDefinition.code AND processDefinitionLog.version = processDefinition.version
                WHERE processDefinition.projectCode = ?
                """, arguments: [projectCode]) ?? 0
            var output = "["
            output.reserveCapacity(storedBytes + ids.count * 1024)
            var first = true
            for id in ids {
                guard let row = try Row.fetchOne(byID, arguments: [id]) else { continue }
                if !first { output += "," }
                first = false
                try Self.appendDag(row, to: &output, encoder: encoder)
            }
            output += "]"
            return output
        }
    }

    /// Workflow `code` with its DAG, decoded.
    func dagData(code: Int64) async throws -> DagData? {
        guard let json = try await dagDataJSON(code: code) else { return nil }
        return try WireJSON.decode(DagData.self, from: json)
    }

    /// The tasks of workflow `code` at its current version.
    func dagTasks(code: Int64) async throws -> [TaskDefinition]? {
        try await read { db in
            guard let json = try String.fetchOne(db, sql: """
                SELECT processDefinitionLog.tasksJSON FROM processDefinition JOIN processDefinitionLog
                  ON processDefinitionLog.code = processDefinition.code AND processDefinitionLog.version = processDefinition.version
                WHERE processDefinition.code = ?
                """, arguments: [code]) else { return nil }
            return try WireJSON.decode([TaskDefinition].self, from: json)
        }
    }
}
