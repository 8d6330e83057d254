import DagforgeSQL
import DagforgeSpec

/// The outlines kept between runs, as bytes: a header naming the format and the program that wrote it
/// (another build may read SQL differently, so its archive is not used), then one self-contained record per
/// workflow so records decode on all cores. Reading never fails: anything unexpected reads as empty.
public struct OutlineArchive: Sendable {
    struct Key: Hashable, Sendable {
        var workflow: String
        var tree: String
    }

    private static let magic = Array("dagforge workflow outlines 1\n".utf8)

    var outlines: [Key: WorkflowOutline]

    init(_ outlines: [WorkflowOutline]) {
        self.outlines = Dictionary(outlines.map { (Key(workflow: $0.name, tree: $0.tree), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// - Parameter stamp: identifies the program; an archive written by another one reads as empty.
    public init(bytes: [UInt8], stamp: String) {
        self.init(Self.decode(bytes, stamp: stamp) ?? [])
    }

    public var count: Int { outlines.count }

    public func encoded(stamp: String) -> [UInt8] {
        var header = OutlineWriter()
        header.string(stamp)
        let sorted = outlines.values.sorted { ($0.name, $0.tree) < ($1.name, $1.tree) }
        header.integer(sorted.count)
        var bytes = Self.magic + header.bytes
        for record in sorted.concurrentMap(Self.record) {
            var length = OutlineWriter()
            length.integer(record.count)
            bytes += length.bytes
            bytes += record
        }
        return bytes
    }

    private static func decode(_ bytes: [UInt8], stamp: String) -> [WorkflowOutline]? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = OutlineReader(bytes, range: magic.count..<bytes.count)
        do {
            guard try reader.string() == stamp else { return nil }
            let count = try reader.integer()
            var records: [Range<Int>] = []
            for _ in 0..<max(0, min(count, bytes.count)) { records.append(try reader.skipRecord()) }
            guard reader.isAtEnd else { return nil }
            let decoded = records.chunkedForCores(8).concurrentMap { chunk in
                Result { () throws(OutlineReader.Malformed) in try chunk.map { range throws(OutlineReader.Malformed) in try outline(bytes, range) } }
            }
            return try decoded.flatMap { try $0.get() }
        } catch {
            return nil
        }
    }

    private static func record(_ outline: WorkflowOutline) -> [UInt8] {
        var writer = OutlineWriter()
        writer.string(outline.name)
        writer.string(outline.tree)
        writer.range(outline.declaration)
        writer.flag(outline.defaultsInfer)
        writer.optionalLocated(outline.defaultsDatasource)
        writer.integer(outline.tasks.count)
        for task in outline.tasks {
            writer.string(task.name)
            writer.range(task.declaration)
            writer.string(task.sourcePath)
            writer.integer(task.upstream == nil ? 0 : 1)
            if let upstream = task.upstream { writer.locatedList(upstream) }
            writer.optionalLocated(task.datasource)
            writer.flag(task.infer)
            kind(task.kind, into: &writer)
        }
        return writer.bytes
    }

    private static func kind(_ kind: WorkflowOutline.Kind, into writer: inout OutlineWriter) {
        switch kind {
        case .sql(let dialect, let start, let reads, let writes, let warnings):
            writer.integer(0)
            writer.string(dialect.rawValue)
            writer.range(start)
            for uses in [reads, writes] {
                writer.integer(uses.count)
                for use in uses {
                    writer.string(use.table)
                    writer.range(use.range)
                }
            }
            writer.locatedList(warnings)
        case .dependent(let on):
            writer.integer(1)
            writer.locatedList(on)
        case .subProcess(let child):
            writer.integer(2)
            writer.located(child)
        case .conditions(let success, let failed):
            writer.integer(3)
            writer.locatedList(success)
            writer.locatedList(failed)
        case .branching(let cases, let defaultBranch):
            writer.integer(4)
            writer.locatedList(cases)
            writer.optionalLocated(defaultBranch)
        case .other(let type):
            writer.integer(5)
            writer.string(type)
        }
    }

    private static func outline(_ bytes: [UInt8], _ range: Range<Int>) throws(OutlineReader.Malformed) -> WorkflowOutline {
        var reader = OutlineReader(bytes, range: range)
        let name = try reader.string()
        let tree = try reader.string()
        let declaration = try reader.range()
        let defaultsInfer = try reader.flag()
        let defaultsDatasource = try reader.optionalLocated()
        let count = try reader.integer()
        guard count >= 0, count <= range.count else { throw .init() }
        var tasks: [WorkflowOutline.TaskOutline] = []
        tasks.reserveCapacity(count)
        for _ in 0..<count {
            let taskName = try reader.string()
            let taskDeclaration = try reader.range()
            let sourcePath = try reader.string()
            let upstream = try reader.integer() == 1 ? try reader.locatedList() : nil
            let datasource = try reader.optionalLocated()
            let infer = try reader.flag()
            let kind = try self.kind(&reader, task: TaskAddress(workflow: name, task: taskName))
            tasks.append(.init(name: taskName, declaration: taskDeclaration, sourcePath: sourcePath, upstream: upstream,
                               datasource: datasource, infer: infer, kind: kind))
        }
        guard reader.isAtEnd else { throw .init() }
        return WorkflowOutline(name: name, tree: tree, declaration: declaration, defaultsInfer: defaultsInfer,
                               defaultsDatasource: defaultsDatasource, tasks: tasks)
    }

    private static func kind(_ reader: inout OutlineReader, task: TaskAddress) throws(OutlineReader.Malformed) -> WorkflowOutline.Kind {
        switch try reader.integer() {
        case 0:
            guard let dialect = SQLDialect(rawValue: try reader.string()) else { throw .init() }
            let start = try reader.range()
            var uses: [[TableUse]] = []
            for _ in 0..<2 {
                let count = try reader.integer()
                guard count >= 0, count < 1 << 20 else { throw .init() }
                var list: [TableUse] = []
                list.reserveCapacity(count)
                for _ in 0..<count {
                    let table = try reader.string()
                    list.append(TableUse(task: task, table: table, range: try reader.range()))
                }
                uses.append(list)
            }
            return .sql(dialect: dialect, textStart: start, reads: uses[0], writes: uses[1], warnings: try reader.locatedList())
        case 1: return .dependent(on: try reader.locatedList())
        case 2: return .subProcess(try reader.located())
        case 3: return .conditions(success: try reader.locatedList(), failed: try reader.locatedList())
        case 4: return .branching(cases: try reader.locatedList(), defaultBranch: try reader.optionalLocated())
        case 5: return .other(taskType: try reader.string())
        default: throw .init()
        }
    }
}
