import DagforgeWire
import Foundation

/// What plan, status, promote and apply's checks read of one deployed DAG: computed once from the decoded
/// DAG, and cached by the SHA-256 of the DAG's bytes in `/all` (equal bytes decode equally), so an unchanged
/// DAG need not be decoded again.
public struct DagSummary: Codable, Sendable, Hashable {
    public var name: String
    public var code: Int64
    public var version: Int
    public var updateTime: String?
    public var releaseState: ReleaseState?
    /// The whole description, marker included.
    public var description: String
    /// Task name → task code (the first task of a name wins, as everywhere in plan and apply).
    public var taskCodes: [String: Int64]
    /// `ShapeDigest` of the DAG.
    var shapeDigest: String

    init(_ dag: DagData) {
        let definition = dag.processDefinition
        name = definition.name
        code = definition.code
        version = definition.version
        updateTime = definition.updateTime
        releaseState = definition.releaseState
        description = definition.description
        taskCodes = Dictionary(dag.taskDefinitionList.map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
        shapeDigest = ShapeDigest.of(dag: dag)
    }

    /// The content hash of the DAG as deployed (what its marker records when nobody edited it).
    var contentHash: String { WorkflowShape.contentHash(digest: shapeDigest) }

    /// The parsed marker; nil for a workflow dagforge does not manage.
    var marker: Marker? { Marker.parse(description: description) }

    /// Whether a managed workflow was edited on the engine since dagforge deployed it.
    var drifted: Bool { drifted(marker: marker) }

    /// `drifted` for a caller that has parsed `marker` already.
    func drifted(marker: Marker?) -> Bool { marker.map { $0.contentHash != contentHash } ?? false }
}

/// One DAG of an engine snapshot: its summary, and the full DAG, decoded from its bytes when asked for
/// (plan asks only for the DAGs whose shape differs from the compiled one).
public struct DeployedDag: Sendable, Hashable {
    public let summary: DagSummary
    private let source: Source

    private enum Source: Sendable, Hashable {
        case decoded(DagData)
        case bytes(Data)
    }

    public init(_ dag: DagData) {
        summary = DagSummary(dag)
        source = .decoded(dag)
    }

    /// A DAG known only by its `/all` bytes and the summary cached for exactly these bytes.
    init(summary: DagSummary, bytes: Data) {
        self.summary = summary
        source = .bytes(bytes)
    }

    /// The full DAG. Decoding cached bytes can only fail if the cache lied (the same bytes decoded before).
    public func dag() throws -> DagData {
        switch source {
        case .decoded(let dag): dag
        case .bytes(let bytes): try WireJSON.decoder().decode(DagData.self, from: bytes)
        }
    }
}
