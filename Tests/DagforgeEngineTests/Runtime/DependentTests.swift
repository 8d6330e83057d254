import DagforgeWire
import Foundation
import Synchronization
import Testing
@testable import DagforgeEngine

@Suite("DEPENDENT date windows and checks")
struct DependentTests {
    // Friday 2024-03-01 10:30 in Shanghai.
    private let business = runtimeWall("2024-03-01 10:30:00", "Asia/Shanghai")
    private let shanghai = zone("Asia/Shanghai")

    private func windows(_ value: String) -> [String]? {
        DependentDateWindows.windows(dateValue: value, businessDate: business, timeZone: shanghai)?.map { window in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = shanghai
            formatter.dateFormat = "MM-dd HH:mm"
            return "\(formatter.string(from: window.start))..\(formatter.string(from: window.end))"
        }
    }

    @Test("hour windows")
    func hours() {
        #expect(windows("currentHour") == ["03-01 10:00..03-01 11:00"])
        #expect(windows("last1Hour") == ["03-01 09:00..03-01 10:00"])
        #expect(windows("last3Hours") == ["03-01 07:00..03-01 08:00", "03-01 08:00..03-01 09:00", "03-01 09:00..03-01 10:00"])
        let day = windows("last24Hours")
        #expect(day?.count == 24)
        #expect(day?.first == "02-29 01:00..02-29 02:00")
        #expect(day?.last == "03-01 00:00..03-01 01:00")
    }

    @Test("day windows")
    func days() {
        #expect(windows("today") == ["03-01 00:00..03-02 00:00"])
        #expect(windows("last1Days") == ["02-29 00:00..03-01 00:00"])
        #expect(windows("last2Days") == ["02-28 00:00..02-29 00:00", "02-29 00:00..03-01 00:00"])
        #expect(windows("last7Days")?.count == 7)
    }

    @Test("week windows run Monday to Sunday")
    func weeks() {
        #expect(windows("thisWeek") == ["02-26 00:00..02-27 00:00", "02-27 00:00..02-28 00:00", "02-28 00:00..02-29 00:00",
                                        "02-29 00:00..03-01 00:00", "03-01 00:00..03-02 00:00"])
        #expect(windows("lastWeek")?.first == "02-19 00:00..02-20 00:00")
        #expect(windows("lastWeek")?.last == "02-25 00:00..02-26 00:00")
        #expect(windows("lastMonday") == ["02-19 00:00..02-20 00:00"])
        #expect(windows("lastSunday") == ["02-25 00:00..02-26 00:00"])
    }

    @Test("month windows, including DolphinScheduler's thisMonthEnd quirk")
    func months() {
        #expect(windows("thisMonth") == ["03-01 00:00..03-02 00:00"])
        #expect(windows("lastMonth")?.count == 29)
        #expect(windows("lastMonthBegin") == ["02-01 00:00..02-02 00:00"])
        #expect(windows("lastMonthEnd") == ["02-29 00:00..03-01 00:00"])
        #expect(windows("thisMonthBegin") == ["03-01 00:00..03-02 00:00"])
        #expect(windows("thisMonthEnd") == ["03-01 00:00..03-02 00:00"])
        #expect(windows("someday") == nil)
    }

    /// Answers from a fixed table; counts the questions.
    final class TableLookup: DependentInstanceLookup {
        let answers: [Int64: DependResult]
        let asked = Mutex(0)
        init(_ answers: [Int64: DependResult]) { self.answers = answers }
        func result(for item: DependentParameters.Item, in window: DateInterval) async throws -> DependResult {
            asked.withLock { $0 += 1 }
            return answers[item.definitionCode] ?? .WAITING
        }
    }

    private func dependence(_ codes: [Int64], relation: DependentRelation = .AND, dateValue: String = "today",
                            policy: DependentFailurePolicy = .DEPENDENT_FAILURE_FAILURE,
                            waitMinutes: Int? = nil) -> DependentParameters.Dependence {
        .init(relation: .AND, checkInterval: 5, failurePolicy: policy, failureWaitingTime: waitMinutes, dependTaskList: [
            .init(relation: relation, dependItemList: codes.map {
                .init(projectCode: 1, definitionCode: $0, depTaskCode: 0, cycle: "day", dateValue: dateValue)
            }),
        ])
    }

    @Test("AND waits until every item succeeded; settled items are not asked again")
    func waitsThenSucceeds() async throws {
        var evaluator = DependentEvaluator(dependence: dependence([1, 2]), businessDate: business, timeZone: shanghai)
        #expect(evaluator.checkInterval == .seconds(5))
        let first = TableLookup([1: .SUCCESS])
        #expect(try await evaluator.check(first, now: business) == .waiting)
        let second = TableLookup([1: .FAILED, 2: .SUCCESS])
        #expect(try await evaluator.check(second, now: business) == .succeeded)
        #expect(second.asked.withLock { $0 } == 1)
    }

    @Test("every window of an item must succeed")
    func allWindows() async throws {
        var evaluator = DependentEvaluator(dependence: dependence([1], dateValue: "last3Days"), businessDate: business,
                                           timeZone: shanghai)
        let lookup = TableLookup([1: .SUCCESS])
        #expect(try await evaluator.check(lookup, now: business) == .succeeded)
        #expect(lookup.asked.withLock { $0 } == 3)
    }

    @Test("failure policy: fail at once, or keep waiting for failureWaitingTime minutes")
    func failurePolicy() async throws {
        var failing = DependentEvaluator(dependence: dependence([1]), businessDate: business, timeZone: shanghai)
        #expect(try await failing.check(TableLookup([1: .FAILED]), now: business) == .failed)
        var patient = DependentEvaluator(dependence: dependence([1], policy: .DEPENDENT_FAILURE_WAITING, waitMinutes: 10),
                                         businessDate: business, timeZone: shanghai)
        #expect(try await patient.check(TableLookup([1: .FAILED]), now: business.addingTimeInterval(60)) == .waiting)
        #expect(try await patient.check(TableLookup([1: .FAILED]), now: business.addingTimeInterval(601)) == .failed)
    }

    @Test("OR succeeds on any success; an unknown date value fails its item")
    func orAndUnknown() async throws {
        var either = DependentEvaluator(dependence: dependence([1, 2], relation: .OR), businessDate: business, timeZone: shanghai)
        #expect(try await either.check(TableLookup([1: .FAILED, 2: .SUCCESS]), now: business) == .succeeded)
        var unknown = DependentEvaluator(dependence: dependence([1], dateValue: "nextYear"), businessDate: business,
                                         timeZone: shanghai)
        #expect(try await unknown.check(TableLookup([1: .SUCCESS]), now: business) == .failed)
    }
}

@Suite("Worker slot pool")
struct WorkerSlotPoolTests {
    @Test("a group never runs more than its limit; waiters get slots by priority")
    func limitAndPriority() async throws {
        let pool = WorkerSlotPool(limits: ["etl": 1], defaultLimit: 4)
        try await pool.acquire("etl")
        let order = LockedValue<[String]>([])
        let low = Task {
            try await pool.acquire("etl", ticket: .init(instancePriority: .LOW))
            order.withLock { $0.append("low") }
            pool.release("etl")
        }
        let high = Task {
            try await pool.acquire("etl", ticket: .init(instancePriority: .HIGH))
            order.withLock { $0.append("high") }
            pool.release("etl")
        }
        while pool.usage(of: "etl").waiting < 2 { await Task.yield() }
        #expect(pool.usage(of: "etl") == (1, 2))
        pool.release("etl")
        try await low.value
        try await high.value
        #expect(order.withLock { $0 } == ["high", "low"])
        #expect(pool.usage(of: "etl") == (0, 0))
    }

    @Test("waiters of the same instance priority go by instance, older first, before task priority and arrival")
    func olderInstancesFirst() async throws {
        let pool = WorkerSlotPool(defaultLimit: 1)
        try await pool.acquire("default")
        let order = LockedValue<[String]>([])
        func waiter(_ name: String, _ ticket: WorkerSlotPool.Ticket) -> Task<Void, any Error> {
            Task {
                try await pool.acquire("default", ticket: ticket)
                order.withLock { $0.append(name) }
                pool.release("default")
            }
        }
        // Arrival order: the newer instances' first tasks wait before the older instance's downstream task.
        var waiters = [waiter("instance 9, high task", .init(processInstanceId: 9, taskPriority: .HIGHEST))]
        while pool.usage(of: "default").waiting < 1 { await Task.yield() }
        waiters.append(waiter("instance 8", .init(processInstanceId: 8)))
        while pool.usage(of: "default").waiting < 2 { await Task.yield() }
        waiters.append(waiter("instance 3", .init(processInstanceId: 3, taskPriority: .LOWEST)))
        while pool.usage(of: "default").waiting < 3 { await Task.yield() }
        waiters.append(waiter("instance 12, high instance", .init(instancePriority: .HIGH, processInstanceId: 12)))
        while pool.usage(of: "default").waiting < 4 { await Task.yield() }
        pool.release("default")
        for waiter in waiters { try await waiter.value }
        #expect(order.withLock { $0 } == ["instance 12, high instance", "instance 3", "instance 8", "instance 9, high task"])
    }

    @Test("cancelling a waiting task withdraws it")
    func cancellation() async throws {
        let pool = WorkerSlotPool(defaultLimit: 1)
        try await pool.acquire("default")
        let waiting = Task { try await pool.acquire("default") }
        while pool.usage(of: "default").waiting < 1 { await Task.yield() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(pool.usage(of: "default") == (1, 0))
    }
}
