import DagforgeWire
import Foundation
import Testing
@testable import DagforgeEngine

@Suite("DAG walker")
struct DAGWalkerTests {
    private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func walker(_ tasks: [TaskDefinition], _ relations: [ProcessTaskRelation],
                        strategy: FailureStrategy = .CONTINUE, start: [Int64] = [],
                        dependType: TaskDependType = .TASK_POST) throws -> DAGWalker {
        let graph = try WorkflowGraph(tasks: tasks, relations: relations, startNodes: start, dependType: dependType)
        return DAGWalker(graph: graph, failureStrategy: strategy, now: t0)
    }

    /// Runs the walk to the end, finishing each dispatched task with `outcome(code, attempt)`.
    private func drive(_ walker: inout DAGWalker,
                       outcome: (Int64, Int) -> TaskExecutionStatus = { _, _ in .SUCCESS },
                       follow: [Int64: [Int64]] = [:]) -> [Int64] {
        var order: [Int64] = []
        var now = t0
        while true {
            let batch = walker.takeDispatchable(now: now)
            if batch.isEmpty {
                guard let wake = walker.nextWakeUp else { break }
                now = wake
                continue
            }
            for task in batch {
                order.append(task.code)
                walker.taskFinished(task.code, status: outcome(task.code, task.attempt), follow: follow[task.code], now: now)
            }
        }
        return order
    }

    @Test("tasks run after their upstream tasks, and the workflow succeeds")
    func linearAndDiamond() throws {
        var dag = try walker([task(1), task(2), task(3), task(4)],
                             roots(1) + [edge(1, 2), edge(1, 3), edge(2, 4), edge(3, 4)])
        #expect(dag.takeDispatchable(now: t0).map(\.code) == [1])
        dag.taskFinished(1, status: .SUCCESS, now: t0)
        #expect(Set(dag.takeDispatchable(now: t0).map(\.code)) == [2, 3])
        dag.taskFinished(2, status: .SUCCESS, now: t0)
        #expect(dag.takeDispatchable(now: t0).isEmpty)
        #expect(dag.state == .RUNNING_EXECUTION)
        dag.taskFinished(3, status: .SUCCESS, now: t0)
        #expect(dag.takeDispatchable(now: t0).map(\.code) == [4])
        dag.taskFinished(4, status: .SUCCESS, now: t0)
        #expect(dag.state == .SUCCESS)
    }

    @Test("ready tasks are handed out by priority, HIGHEST first")
    func priorities() throws {
        var dag = try walker([task(1, priority: .LOW), task(2, priority: .HIGHEST), task(3)], [])
        #expect(dag.takeDispatchable(now: t0).map(\.code) == [2, 3, 1])
    }

    @Test("CONTINUE: independent branches go on, downstream of the failure does not run, the workflow fails")
    func continueStrategy() throws {
        var dag = try walker([task(1), task(2), task(3), task(4)], [edge(1, 2), edge(3, 4)])
        let ran = drive(&dag) { code, _ in code == 1 ? .FAILURE : .SUCCESS }
        #expect(Set(ran) == [1, 3, 4])
        #expect(dag.phases[2] == .notRun(isError: true))
        #expect(dag.state == .FAILURE)
    }

    @Test("END: a failure stops new tasks and asks to kill the running ones")
    func endStrategy() throws {
        var dag = try walker([task(1), task(2), task(3), task(4)], [edge(1, 2), edge(3, 4)], strategy: .END)
        #expect(Set(dag.takeDispatchable(now: t0).map(\.code)) == [1, 3])
        dag.taskFinished(1, status: .FAILURE, now: t0)
        #expect(dag.takeTasksToKill() == [3])
        #expect(dag.takeTasksToKill().isEmpty)
        #expect(dag.state == .RUNNING_EXECUTION)
        dag.taskFinished(3, status: .KILL, now: t0)
        #expect(dag.takeDispatchable(now: t0).isEmpty)
        #expect(dag.state == .FAILURE)
    }

    @Test("retries wait their interval and count attempts; success on a retry succeeds")
    func retries() throws {
        var dag = try walker([task(1, retries: 2, retryMinutes: 5), task(2)], [edge(1, 2)])
        #expect(dag.takeDispatchable(now: t0).map(\.attempt) == [0])
        dag.taskFinished(1, status: .FAILURE, now: t0)
        #expect(dag.phases[1] == .retryWaiting(until: t0.addingTimeInterval(300), attempt: 1))
        #expect(dag.takeDispatchable(now: t0.addingTimeInterval(299)).isEmpty)
        #expect(dag.nextWakeUp == t0.addingTimeInterval(300))
        let retry = dag.takeDispatchable(now: t0.addingTimeInterval(300))
        #expect(retry.map(\.attempt) == [1])
        dag.taskFinished(1, status: .SUCCESS, now: t0.addingTimeInterval(301))
        #expect(dag.takeDispatchable(now: t0.addingTimeInterval(301)).map(\.code) == [2])
    }

    @Test("retries run out, then the failure counts")
    func retriesExhausted() throws {
        var dag = try walker([task(1, retries: 2)], [])
        var attempts: [Int] = []
        _ = drive(&dag) { _, attempt in
            attempts.append(attempt)
            return .FAILURE
        }
        #expect(attempts == [0, 1, 2])
        #expect(dag.state == .FAILURE)
    }

    @Test("a SUB_PROCESS task is never retried")
    func subProcessNoRetry() throws {
        var dag = try walker([task(1, TaskType.subProcess, params: .object(["processDefinitionCode": .int(9)]), retries: 3)], [])
        #expect(drive(&dag) { _, _ in .FAILURE } == [1])
    }

    @Test("delay time holds a ready task")
    func delay() throws {
        var dag = try walker([task(1, delayMinutes: 2)], [])
        #expect(dag.takeDispatchable(now: t0).isEmpty)
        #expect(dag.phases[1] == .delayed(until: t0.addingTimeInterval(120)))
        #expect(dag.takeDispatchable(now: t0.addingTimeInterval(120)).map(\.code) == [1])
    }

    @Test("a forbidden task is passed through: downstream runs, the workflow succeeds")
    func forbidden() throws {
        var dag = try walker([task(1), task(2, flag: .NO), task(3)], [edge(1, 2), edge(2, 3)])
        #expect(drive(&dag) == [1, 3])
        #expect(dag.phases[2] == .forbidden)
        #expect(dag.state == .SUCCESS)
    }

    @Test("start nodes: TASK_POST, TASK_PRE and TASK_ONLY select the DAG")
    func startNodes() throws {
        let tasks = [task(1), task(2), task(3)]
        let relations = [edge(1, 2), edge(2, 3)]
        var post = try walker(tasks, relations, start: [2], dependType: .TASK_POST)
        #expect(drive(&post) == [2, 3])
        var pre = try walker(tasks, relations, start: [2], dependType: .TASK_PRE)
        #expect(drive(&pre) == [1, 2])
        var only = try walker(tasks, relations, start: [2], dependType: .TASK_ONLY)
        #expect(drive(&only) == [2])
        #expect(throws: WorkflowGraphError.unknownStartNode(7)) {
            try WorkflowGraph(tasks: tasks, relations: relations, startNodes: [7])
        }
    }

    @Test("a cycle is rejected")
    func cycle() {
        #expect(throws: WorkflowGraphError.self) {
            try WorkflowGraph(tasks: [task(1), task(2)], relations: [edge(1, 2), edge(2, 1)])
        }
    }

    private func conditions(_ code: Int64, on upstream: Int64, success: Int64, failed: Int64) -> TaskDefinition {
        let params = ConditionsParameters(
            dependence: .init(dependTaskList: [.init(dependItemList: [.init(depTaskCode: upstream, status: .SUCCESS)])]),
            conditionResult: .init(successNode: [success], failedNode: [failed]))
        return task(code, TaskType.conditions, params: taskParams(params))
    }

    @Test("CONDITIONS after a failure: the failed branch runs, the other is skipped, the workflow succeeds")
    func conditionsBranch() throws {
        // 1 -> C(10) -> success 2 -> 4, failed 3 -> 5
        var dag = try walker([task(1), conditions(10, on: 1, success: 2, failed: 3), task(2), task(3), task(4), task(5)],
                             [edge(1, 10), edge(10, 2), edge(10, 3), edge(2, 4), edge(3, 5)], strategy: .END)
        let ran = drive(&dag, outcome: { code, _ in code == 1 ? .FAILURE : .SUCCESS }, follow: [10: [3]])
        #expect(ran == [1, 10, 3, 5])
        #expect(dag.skippedTasks == [2, 4])
        #expect(dag.state == .SUCCESS)
    }

    private func switchTask(_ code: Int64, cases: [Int64], default next: Int64) -> TaskDefinition {
        let params = SwitchParameters(switchResult: .init(
            dependTaskList: cases.map { .init(condition: "true", nextNode: $0) }, nextNode: next))
        return task(code, TaskType.switch, params: taskParams(params))
    }

    @Test("SWITCH: only the chosen branch runs; a join after the branches still runs")
    func switchBranch() throws {
        // S(10) -> 1 | 2 | 3 (default); 1 -> 4, 2 -> 4; 4 joins.
        var dag = try walker([switchTask(10, cases: [1, 2], default: 3), task(1), task(2), task(3), task(4)],
                             [edge(10, 1), edge(10, 2), edge(10, 3), edge(1, 4), edge(2, 4)])
        let ran = drive(&dag, follow: [10: [2]])
        #expect(ran == [10, 2, 4])
        #expect(dag.skippedTasks == [1, 3])
        #expect(dag.state == .SUCCESS)
    }

    @Test("a task whose every upstream task was skipped is skipped too")
    func skipPropagates() throws {
        var dag = try walker([switchTask(10, cases: [1], default: 2), task(1), task(2), task(3)],
                             [edge(10, 1), edge(10, 2), edge(1, 3)])
        #expect(drive(&dag, follow: [10: [2]]) == [10, 2])
        #expect(dag.skippedTasks == [1, 3])
    }

    @Test("STOP kills running tasks and ends STOP; PAUSE lets them finish and ends PAUSE")
    func stopAndPause() throws {
        var stopped = try walker([task(1), task(2)], [edge(1, 2)])
        _ = stopped.takeDispatchable(now: t0)
        stopped.stop()
        #expect(stopped.takeTasksToKill() == [1])
        #expect(stopped.state == .READY_STOP)
        stopped.taskFinished(1, status: .KILL, now: t0)
        #expect(stopped.state == .STOP)

        var paused = try walker([task(1), task(2)], [edge(1, 2)])
        _ = paused.takeDispatchable(now: t0)
        paused.pause()
        #expect(paused.takeTasksToKill().isEmpty)
        paused.taskFinished(1, status: .SUCCESS, now: t0)
        #expect(paused.takeDispatchable(now: t0).isEmpty)
        #expect(paused.state == .PAUSE)
    }

    @Test("restoring finished tasks resumes the walk without running them again")
    func restore() throws {
        let graph = try WorkflowGraph(tasks: [task(1), task(2), task(3)], relations: [edge(1, 2), edge(2, 3)])
        var dag = DAGWalker(graph: graph, failureStrategy: .CONTINUE,
                            restored: [1: RestoredTask(status: .SUCCESS), 2: RestoredTask(status: .RUNNING_EXECUTION)],
                            now: t0)
        #expect(drive(&dag) == [2, 3])
        #expect(dag.state == .SUCCESS)
    }

    @Test("a killed upstream task blocks its downstream without counting as a dependency failure")
    func killedUpstream() throws {
        var dag = try walker([task(1), task(2)], [edge(1, 2)])
        _ = dag.takeDispatchable(now: t0)
        dag.taskFinished(1, status: .KILL, now: t0)
        #expect(dag.phases[2] == .notRun(isError: false))
        #expect(dag.state == .FAILURE)
    }
}
