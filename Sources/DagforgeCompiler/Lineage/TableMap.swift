import DagforgeSpec

/// The repository's tables: for each, the tasks that write it and the tasks that read it.
public struct TableMap: Hashable, Sendable {
    public struct Table: Hashable, Sendable {
        public var name: String
        /// Sorted by task address.
        public var writers: [TableUse]
        public var readers: [TableUse]

        /// Read by some task and written by none: a source outside the repository.
        public var isExternal: Bool { writers.isEmpty }
    }

    /// Sorted by name.
    public var tables: [Table]

    public init(_ tasks: [TaskLineage]) {
        var writers: [String: [TableUse]] = [:]
        var readers: [String: [TableUse]] = [:]
        for task in tasks {
            for use in task.writes { writers[use.table, default: []].append(use) }
            for use in task.reads { readers[use.table, default: []].append(use) }
        }
        let names = Set(writers.keys).union(readers.keys).sorted()
        tables = names.map { name in
            Table(name: name, writers: (writers[name] ?? []).sorted { $0.task < $1.task },
                  readers: (readers[name] ?? []).sorted { $0.task < $1.task })
        }
    }

    /// Tables read in the repository that no task writes.
    public var externalSources: [Table] { tables.filter(\.isExternal) }

    public func table(named name: String) -> Table? { tables.first { $0.name == name } }
}
