// Execution-side enums (reference §5.2).

public enum CommandType: String, WireEnum {
    case START_PROCESS, START_CURRENT_TASK_PROCESS, RECOVER_TOLERANCE_FAULT_PROCESS, RECOVER_SUSPENDED_PROCESS
    case START_FAILURE_TASK_PROCESS, COMPLEMENT_DATA, SCHEDULER, REPEAT_RUNNING, PAUSE, STOP
    case RECOVER_WAITING_THREAD, RECOVER_SERIAL_WAIT, EXECUTE_TASK, DYNAMIC_GENERATION

    /// The integer DolphinScheduler stores (`@EnumValue`).
    public var code: Int { Self.allCases.firstIndex(of: self)! }
}

public enum RunMode: String, WireEnum { case RUN_MODE_SERIAL, RUN_MODE_PARALLEL }

public enum TaskDependType: String, WireEnum { case TASK_ONLY, TASK_PRE, TASK_POST }

public enum ComplementDependentMode: String, WireEnum { case OFF_MODE, ALL_DEPENDENT }

public enum ExecutionOrder: String, WireEnum { case DESC_ORDER, ASC_ORDER }

/// `executeType` of `/executors/execute`.
public enum ExecuteType: String, WireEnum {
    case NONE, REPEAT_RUNNING, RECOVER_SUSPENDED_PROCESS, START_FAILURE_TASK_PROCESS, STOP, PAUSE, EXECUTE_TASK
}

/// Process instance state (`WorkflowExecutionStatus`), with DolphinScheduler's codes and descriptions.
public enum WorkflowExecutionStatus: String, WireEnum {
    case SUBMITTED_SUCCESS, RUNNING_EXECUTION, READY_PAUSE, PAUSE, READY_STOP, STOP, FAILURE, SUCCESS
    case DELAY_EXECUTION, SERIAL_WAIT, READY_BLOCK, BLOCK, WAIT_TO_RUN

    public var code: Int {
        switch self {
        case .SUBMITTED_SUCCESS: 0
        case .RUNNING_EXECUTION: 1
        case .READY_PAUSE: 2
        case .PAUSE: 3
        case .READY_STOP: 4
        case .STOP: 5
        case .FAILURE: 6
        case .SUCCESS: 7
        case .DELAY_EXECUTION: 12
        case .SERIAL_WAIT: 14
        case .READY_BLOCK: 15
        case .BLOCK: 16
        case .WAIT_TO_RUN: 17
        }
    }

    public var desc: String {
        switch self {
        case .SUBMITTED_SUCCESS: "submit success"
        case .RUNNING_EXECUTION: "running"
        case .READY_PAUSE: "ready pause"
        case .PAUSE: "pause"
        case .READY_STOP: "ready stop"
        case .STOP: "stop"
        case .FAILURE: "failure"
        case .SUCCESS: "success"
        case .DELAY_EXECUTION: "delay execution"
        case .SERIAL_WAIT: "serial wait"
        case .READY_BLOCK: "ready block"
        case .BLOCK: "block"
        case .WAIT_TO_RUN: "wait to run"
        }
    }

    /// SUCCESS, FAILURE, STOP, PAUSE and BLOCK: the instance will not change by itself any more.
    public var isFinished: Bool { [.SUCCESS, .FAILURE, .STOP, .PAUSE, .BLOCK].contains(self) }

    public init?(code: Int) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// The enum's Java `toString()`, which one endpoint leaks (reference §16.9).
    public var javaDescription: String { "WorkflowExecutionStatus{code=\(code), desc='\(desc)'}" }
}

/// Task instance state (`TaskExecutionStatus`).
public enum TaskExecutionStatus: String, WireEnum {
    case SUBMITTED_SUCCESS, RUNNING_EXECUTION, PAUSE, STOP, FAILURE, SUCCESS, NEED_FAULT_TOLERANCE, KILL
    case DELAY_EXECUTION, FORCED_SUCCESS, DISPATCH

    public var code: Int {
        switch self {
        case .SUBMITTED_SUCCESS: 0
        case .RUNNING_EXECUTION: 1
        case .PAUSE: 3
        case .STOP: 5
        case .FAILURE: 6
        case .SUCCESS: 7
        case .NEED_FAULT_TOLERANCE: 8
        case .KILL: 9
        case .DELAY_EXECUTION: 12
        case .FORCED_SUCCESS: 13
        case .DISPATCH: 17
        }
    }

    public var desc: String {
        switch self {
        case .SUBMITTED_SUCCESS: "submit success"
        case .RUNNING_EXECUTION: "running"
        case .PAUSE: "pause"
        case .STOP: "stop"
        case .FAILURE: "failure"
        case .SUCCESS: "success"
        case .NEED_FAULT_TOLERANCE: "need fault tolerance"
        case .KILL: "kill"
        case .DELAY_EXECUTION: "delay execution"
        case .FORCED_SUCCESS: "forced success"
        case .DISPATCH: "dispatch"
        }
    }

    public var isFinished: Bool {
        [.PAUSE, .STOP, .FAILURE, .SUCCESS, .NEED_FAULT_TOLERANCE, .KILL, .FORCED_SUCCESS].contains(self)
    }

    /// SUCCESS and FORCED_SUCCESS both let downstream tasks run.
    public var isSuccess: Bool { self == .SUCCESS || self == .FORCED_SUCCESS }

    public init?(code: Int) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }
}
