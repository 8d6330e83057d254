// `taskParams` of the logic tasks the master runs (reference §9.4–9.7).

/// SUB_PROCESS: run another workflow as a child instance.
public struct SubProcessParameters: Codable, Hashable, Sendable {
    public var localParams: [Property]
    public var processDefinitionCode: Int64

    public init(processDefinitionCode: Int64, localParams: [Property] = []) {
        self.processDefinitionCode = processDefinitionCode
        self.localParams = localParams
    }
}

/// DEPENDENT: wait until other workflows (or their tasks) succeeded for the same date cycle.
public struct DependentParameters: Codable, Hashable, Sendable {
    public var localParams: [Property]
    public var dependence: Dependence

    public init(dependence: Dependence, localParams: [Property] = []) {
        self.dependence = dependence
        self.localParams = localParams
    }

    public struct Dependence: Codable, Hashable, Sendable {
        public var relation: DependentRelation
        /// Seconds between checks.
        public var checkInterval: Int?
        public var failurePolicy: DependentFailurePolicy?
        /// Minutes.
        public var failureWaitingTime: Int?
        public var dependTaskList: [Group]

        public init(relation: DependentRelation = .AND, checkInterval: Int? = 10,
                    failurePolicy: DependentFailurePolicy? = .DEPENDENT_FAILURE_FAILURE,
                    failureWaitingTime: Int? = nil, dependTaskList: [Group]) {
            self.relation = relation
            self.checkInterval = checkInterval
            self.failurePolicy = failurePolicy
            self.failureWaitingTime = failureWaitingTime
            self.dependTaskList = dependTaskList
        }
    }

    public struct Group: Codable, Hashable, Sendable {
        public var relation: DependentRelation
        public var dependItemList: [Item]

        public init(relation: DependentRelation = .AND, dependItemList: [Item]) {
            self.relation = relation
            self.dependItemList = dependItemList
        }
    }

    public struct Item: Codable, Hashable, Sendable {
        public var projectCode: Int64
        public var definitionCode: Int64
        /// 0 = the whole workflow instance; -1 = all tasks; otherwise one task's code.
        public var depTaskCode: Int64
        /// `hour`, `day`, `week`, `month`.
        public var cycle: String
        /// e.g. `today`, `last1Days`, `thisWeek`, `lastMonthBegin` (reference §9.5).
        public var dateValue: String
        public var parameterPassing: Bool?

        public init(projectCode: Int64, definitionCode: Int64, depTaskCode: Int64, cycle: String = "day",
                    dateValue: String = "today", parameterPassing: Bool? = false) {
            self.projectCode = projectCode
            self.definitionCode = definitionCode
            self.depTaskCode = depTaskCode
            self.cycle = cycle
            self.dateValue = dateValue
            self.parameterPassing = parameterPassing
        }
    }
}

/// CONDITIONS: pick the success or the failed branch from upstream task states.
public struct ConditionsParameters: Codable, Hashable, Sendable {
    public var localParams: [Property]
    public var dependence: Dependence
    public var conditionResult: ConditionResult

    public init(dependence: Dependence, conditionResult: ConditionResult, localParams: [Property] = []) {
        self.dependence = dependence
        self.conditionResult = conditionResult
        self.localParams = localParams
    }

    public struct Dependence: Codable, Hashable, Sendable {
        public var relation: DependentRelation
        public var dependTaskList: [Group]
        public init(relation: DependentRelation = .AND, dependTaskList: [Group]) {
            self.relation = relation
            self.dependTaskList = dependTaskList
        }
    }

    public struct Group: Codable, Hashable, Sendable {
        public var relation: DependentRelation
        public var dependItemList: [Item]
        public init(relation: DependentRelation = .AND, dependItemList: [Item]) {
            self.relation = relation
            self.dependItemList = dependItemList
        }
    }

    public struct Item: Codable, Hashable, Sendable {
        public var depTaskCode: Int64
        /// `SUCCESS` or `FAILURE`.
        public var status: TaskExecutionStatus
        public init(depTaskCode: Int64, status: TaskExecutionStatus) {
            self.depTaskCode = depTaskCode
            self.status = status
        }
    }

    public struct ConditionResult: Codable, Hashable, Sendable {
        public var successNode: [Int64]
        public var failedNode: [Int64]
        public init(successNode: [Int64], failedNode: [Int64]) {
            self.successNode = successNode
            self.failedNode = failedNode
        }
    }
}

/// SWITCH: follow the first branch whose condition holds, else the default.
public struct SwitchParameters: Codable, Hashable, Sendable {
    public var localParams: [Property]
    public var switchResult: SwitchResult

    public init(switchResult: SwitchResult, localParams: [Property] = []) {
        self.switchResult = switchResult
        self.localParams = localParams
    }

    public struct SwitchResult: Codable, Hashable, Sendable {
        public var dependTaskList: [Case]
        /// Default branch.
        public var nextNode: Int64?
        public init(dependTaskList: [Case], nextNode: Int64?) {
            self.dependTaskList = dependTaskList
            self.nextNode = nextNode
        }
    }

    public struct Case: Codable, Hashable, Sendable {
        /// A JavaScript-style boolean expression over `${param}` values.
        public var condition: String
        public var nextNode: Int64
        public init(condition: String, nextNode: Int64) {
            self.condition = condition
            self.nextNode = nextNode
        }
    }
}
