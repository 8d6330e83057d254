import DagforgeWire
import Foundation
import Testing
@testable import DagforgeEngine

@Suite("Parameter resolution")
struct ParameterResolverTests {
    private let scheduled = BusinessTime(scheduleTime: runtimeWall("2024-03-01 02:00:00", "Asia/Shanghai"),
                                         commandType: .SCHEDULER, timeZone: zone("Asia/Shanghai"))

    @Test("built-in dates derive from the schedule time in the schedule's zone")
    func builtInDates() throws {
        let resolved = try ParameterResolver.resolve(ParameterScope(businessTime: scheduled))
        #expect(resolved["system.biz.curdate"] == "20240301")
        #expect(resolved["system.biz.date"] == "20240229")
        #expect(resolved["system.datetime"] == "20240301020000")
    }

    @Test("a manual run uses the current time; a backfill without a date has no date parameters")
    func manualAndBackfill() throws {
        let now = runtimeWall("2026-11-21 10:00:00", "UTC")
        let manual = BusinessTime(scheduleTime: nil, commandType: .START_PROCESS, timeZone: zone("UTC"))
        #expect(manual.parameters(now: now)["system.biz.date"] == "20261120")
        let backfill = BusinessTime(scheduleTime: nil, commandType: .COMPLEMENT_DATA, timeZone: zone("UTC"))
        #expect(backfill.parameters(now: now).isEmpty)
    }

    @Test("precedence: built-in < project < global < var pool < local IN < start parameters")
    func precedence() throws {
        let scope = ParameterScope(
            businessTime: scheduled,
            builtIns: ["system.project.name": "etl"],
            project: ["p0": "project", "p1": "project"],
            global: [Property(prop: "p1", value: "global"), Property(prop: "p2", value: "global")],
            varPool: [Property(prop: "p2", direct: .OUT, value: "pool"), Property(prop: "p3", direct: .OUT, value: "pool")],
            local: [Property(prop: "p3", value: "local"), Property(prop: "p4", value: "local"),
                    Property(prop: "p5", direct: .OUT, value: "declared-out")],
            start: ["p4": "start", "system.biz.date": "20200101"])
        let resolved = try ParameterResolver.resolve(scope)
        #expect(resolved["p0"] == "project")
        #expect(resolved["p1"] == "global")
        #expect(resolved["p2"] == "pool")
        #expect(resolved["p3"] == "local")
        #expect(resolved["p4"] == "start")
        #expect(resolved["p5"] == nil)
        #expect(resolved["system.project.name"] == "etl")
        #expect(resolved["system.biz.date"] == "20200101")
    }

    @Test("values chain through other parameters and time placeholders")
    func chains() throws {
        let scope = ParameterScope(businessTime: scheduled, global: [
            Property(prop: "stamp", value: "${day}-${region}"), Property(prop: "day", value: "$[yyyyMMdd-1]"),
            Property(prop: "region", value: "eu"), Property(prop: "path", value: "/data/${stamp}/${missing}"),
        ])
        let resolved = try ParameterResolver.resolve(scope)
        #expect(resolved["stamp"] == "20240229-eu")
        #expect(resolved["path"] == "/data/20240229-eu/${missing}")
    }

    @Test("a parameter that refers to itself is an error naming it")
    func circular() {
        let scope = ParameterScope(businessTime: scheduled, global: [
            Property(prop: "a", value: "x${b}"), Property(prop: "b", value: "y${a}"),
        ])
        #expect(throws: ParameterError.self) { try ParameterResolver.resolve(scope) }
    }

    @Test("rendering a script substitutes parameters, then time placeholders")
    func renderScript() throws {
        let scope = ParameterScope(businessTime: scheduled, local: [Property(prop: "dt", value: "${system.biz.date}")])
        let resolved = try ParameterResolver.resolve(scope)
        let script = "echo ${dt} $[yyyy-MM-dd-1] $[add_months(yyyyMMdd,-1)] ${unknown} $[1] a$b"
        #expect(try resolved.render(script) == "echo 20240229 2024-02-29 20240201 ${unknown} $[1] a$b")
        #expect(throws: ParameterError.self) { try resolved.render("$[not_a_format]") }
    }

    @Test("nested placeholder names resolve inside out")
    func nestedNames() throws {
        let text = try PlaceholderText.replace(in: "${table_${env}}", values: ["env": "prod", "table_prod": "t_p"])
        #expect(text == "t_p")
    }
}

@Suite("OUT parameters and the var pool")
struct OutputParameterTests {
    @Test("setValue lines are parsed, including multi-line values and two on one line")
    func parsing() {
        var parser = OutputParameterParser()
        for line in ["hello", "${setValue(a=1)}", "log #{setValue(b=two words)} tail", "${setValue(c=line1",
                     "line2)}", "${setValue(d=k=v)}", "${setValue(e=1)}${setValue(f=2)}", "${setValue(noequals)}",
                     "${setValue(a=3)}"] {
            parser.consume(line: line)
        }
        #expect(parser.values == ["a": "3", "b": "two words", "c": "line1\nline2", "d": "k=v", "e": "1", "f": "2"])
    }

    @Test("only declared OUT parameters reach the var pool, defaults kept when not printed")
    func outParameters() {
        var parser = OutputParameterParser()
        parser.consume(line: "${setValue(count=42)}")
        parser.consume(line: "${setValue(undeclared=1)}")
        let declared = [Property(prop: "count", direct: .OUT, type: .INTEGER, value: ""),
                        Property(prop: "status", direct: .OUT, value: "none"), Property(prop: "in", value: "x")]
        let out = parser.outParameters(declaredIn: declared)
        #expect(out == [Property(prop: "count", direct: .OUT, type: .INTEGER, value: "42"),
                        Property(prop: "status", direct: .OUT, value: "none")])
    }

    @Test("merging pools keeps OUT properties, later pools win")
    func merge() {
        let merged = VarPool.merge([
            [Property(prop: "a", direct: .OUT, value: "1"), Property(prop: "b", direct: .OUT, value: "1")],
            [Property(prop: "a", direct: .OUT, value: "2"), Property(prop: "c", value: "in")],
        ])
        #expect(merged == [Property(prop: "a", direct: .OUT, value: "2"), Property(prop: "b", direct: .OUT, value: "1")])
    }
}
