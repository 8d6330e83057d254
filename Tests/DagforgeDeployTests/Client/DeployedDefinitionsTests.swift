@testable import DagforgeDeploy
import DagforgeWire
import Foundation
import Testing

/// `/all` read through the summary cache: exact for unchanged bytes, a full decode for changed ones, and
/// a cache file that is only ever a shortcut.
@Suite struct DeployedDefinitionsTests {
    /// What the test engine answers for `/all`; tests replace it between reads.
    actor AllAnswer {
        var dags: [DagData]
        init(_ dags: [DagData]) { self.dags = dags }
        func set(_ dags: [DagData]) { self.dags = dags }
        func reply() -> Reply { .ok((try? WireJSON.string(dags)) ?? "[]") }
    }

    static func cache(_ directory: URL, project: String = "pv") -> DagSummaryCache {
        DagSummaryCache(directory: directory.path, environment: "uat", engine: "http://engine", project: project)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dagforge-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func client(_ baseURL: String) -> DolphinClient {
        DolphinClient(configuration: .init(baseURL: baseURL, credentials: .token("t"), apiVersion: .v3_2))
    }

    @Test func aWarmReadEqualsAFullDecodeAndSeesChangedBytes() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dags = try Fixtures.deployed([Fixtures.compiled(), Fixtures.compiled(name: "other")]).definitions
        let answer = AllAnswer(dags)
        try await RecordingServer.with({ _, _ in await answer.reply() }) { baseURL, _ in
            let client = Self.client(baseURL)
            let cold = try await client.deployedDefinitions(project: 77, cache: Self.cache(directory))
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("engine-uat.json").path))
            #expect(Self.cache(directory).load().count == 2)

            let warm = try await client.deployedDefinitions(project: 77, cache: Self.cache(directory))
            #expect(warm.map(\.summary) == cold.map(\.summary))
            #expect(try warm.map { try $0.dag() } == (try await client.allDefinitions(project: 77)))

            // An edit on the engine changes the DAG's bytes: that one is decoded again, with its edit.
            var handEdited = dags
            handEdited[1].taskDefinitionList[0].taskParams = .object(["rawScript": .string("echo edited by hand\n")])
            handEdited[1].processDefinition.version += 1
            await answer.set(handEdited)
            let edited = try await client.deployedDefinitions(project: 77, cache: Self.cache(directory))
            #expect(edited[0].summary == cold[0].summary)
            #expect(edited[1].summary == DagSummary(handEdited[1]))
            #expect(edited[1].summary.shapeDigest != cold[1].summary.shapeDigest)
            #expect(edited[1].summary.drifted)
            #expect(Set(Self.cache(directory).load().values) == Set(edited.map(\.summary)))
        }
    }

    @Test func unchangedBytesTakeTheCachedSummary() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dags = try Fixtures.deployed([Fixtures.compiled()]).definitions
        try await RecordingServer.with({ _, _ in .ok((try? WireJSON.string(dags)) ?? "[]") }) { baseURL, _ in
            let client = Self.client(baseURL)
            _ = try await client.deployedDefinitions(project: 77, cache: Self.cache(directory))
            // Proof that a cached DAG is not decoded: a summary planted for the same bytes is what comes back.
            var planted = Self.cache(directory).load()
            let key = try #require(planted.keys.first)
            planted[key]?.name = "planted"
            Self.cache(directory).save(planted)
            let read = try await client.deployedDefinitions(project: 77, cache: Self.cache(directory))
            #expect(read.map(\.summary.name) == ["planted"])
            #expect(try read[0].dag().processDefinition.name == "pv_daily")
        }
    }

    @Test func aCorruptOrForeignCacheIsIgnoredAndReplaced() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dags = try Fixtures.deployed([Fixtures.compiled()]).definitions
        let file = directory.appendingPathComponent("engine-uat.json")
        try Data("{\"format\": 1, \"summaries\": {\"x\": tru".utf8).write(to: file)
        try await RecordingServer.with({ _, _ in .ok((try? WireJSON.string(dags)) ?? "[]") }) { baseURL, _ in
            let client = Self.client(baseURL)
            let read = try await client.deployedDefinitions(project: 77, cache: Self.cache(directory))
            #expect(read.map(\.summary) == dags.map(DagSummary.init))
            #expect(Self.cache(directory).load().count == 1)
            // Written for another project: not used.
            #expect(Self.cache(directory, project: "elsewhere").load().isEmpty)
        }
    }
}
