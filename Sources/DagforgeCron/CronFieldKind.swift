/// The seven Quartz cron fields, in expression order, with their value ranges and names.
enum CronFieldKind: Int, CaseIterable, Sendable {
    case second, minute, hour, dayOfMonth, month, dayOfWeek, year

    var name: String {
        switch self {
        case .second: "seconds"
        case .minute: "minutes"
        case .hour: "hours"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        case .year: "year"
        }
    }

    var range: ClosedRange<Int> {
        switch self {
        case .second, .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 1...7
        case .year: 1970...2099
        }
    }

    /// Symbolic names accepted by Quartz (month JAN=1, day-of-week SUN=1).
    var names: [String: Int] {
        switch self {
        case .month:
            ["JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
             "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12]
        case .dayOfWeek:
            ["SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7]
        default:
            [:]
        }
    }

    var example: String {
        switch self {
        case .second, .minute: "0-59"
        case .hour: "0-23"
        case .dayOfMonth: "1-31, L, L-3, 15W, LW or ?"
        case .month: "1-12 or JAN-DEC"
        case .dayOfWeek: "1-7 or SUN-SAT (SUN=1), 6L, 6#3 or ?"
        case .year: "1970-2099"
        }
    }
}
