import Crypto
import DagforgeSpec
import DagforgeWire
import Foundation

extension DolphinClient {
    /// `GET …/process-definition/all` as `DeployedDag`s. With a cache, a DAG whose bytes hash to a known
    /// summary is not decoded (equal bytes decode equally); the others are decoded on all cores, and the
    /// cache is rewritten when the set of DAGs changed. Without one, or when the answer cannot be split into
    /// elements, every DAG is decoded (and malformed answers are reported as `allDefinitions` does).
    public func deployedDefinitions(project: Int64, cache: DagSummaryCache?) async throws -> [DeployedDag] {
        let known = Task { cache?.load() ?? [:] }
        let request = DolphinRequest(.GET, routes.definitions(project: project) + "/all")
        let body = try await raw(request)
        guard let cache, routes.version == .v3_2, let array = EnvelopeArray(body),
              let status = try? WireJSON.decoder().decode(StatusEnvelope.self, from: array.envelope), status.code == 0 else {
            return try decodeArrayEnvelope(body, request: request, as: DagData.self).concurrentMap(DeployedDag.init)
        }
        let summaries = await known.value
        let read = array.elements.concurrentMap { range -> (key: String, dag: DeployedDag?) in
            let bytes = body[range]
            let key = SHA256.hash(data: bytes).hexDigits
            if let summary = summaries[key] { return (key, DeployedDag(summary: summary, bytes: bytes)) }
            return (key, (try? WireJSON.decoder().decode(DagData.self, from: bytes)).map(DeployedDag.init))
        }
        let dags = read.compactMap(\.dag)
        guard dags.count == read.count else {
            return try decodeArrayEnvelope(body, request: request, as: DagData.self).concurrentMap(DeployedDag.init)
        }
        let current = Dictionary(zip(read.map(\.key), dags.map(\.summary)), uniquingKeysWith: { a, _ in a })
        if Set(current.keys) != Set(summaries.keys) { cache.save(current) }
        return dags
    }
}
