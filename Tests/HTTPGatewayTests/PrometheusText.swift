import Foundation

/// A strict reader of the Prometheus text exposition format (version 0.0.4), enough to check `/metrics`:
/// every sample belongs to a family declared by `# TYPE` before it, names and labels are well formed,
/// values are numbers, and each histogram's buckets rise to a `+Inf` bucket equal to its `_count`.
struct PrometheusText {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var types: [String: String] = [:]
    private(set) var samples: [Sample] = []

    init(_ text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else {
            throw Failure(description: "the text must end with a newline")
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let where_ = "line \(index + 1)"
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3, parts[0] == "#" else { throw Failure(description: "\(where_): bad comment") }
                guard Self.isName(parts[2]) else { throw Failure(description: "\(where_): bad metric name") }
                if parts[1] == "TYPE" {
                    let kinds = ["counter", "gauge", "histogram", "summary", "untyped"]
                    guard parts.count == 4, kinds.contains(String(parts[3])) else {
                        throw Failure(description: "\(where_): bad TYPE")
                    }
                    guard self.types[String(parts[2])] == nil else {
                        throw Failure(description: "\(where_): TYPE twice")
                    }
                    self.types[String(parts[2])] = String(parts[3])
                }
                continue
            }
            let sample = try Self.sample(line, where: where_)
            guard self.family(of: sample.name) != nil else {
                throw Failure(description: "\(where_): \(sample.name) has no TYPE before it")
            }
            self.samples.append(sample)
        }
        try self.checkHistograms()
    }

    /// The declared family a sample name belongs to (`x_bucket`, `x_sum`, `x_count` belong to histogram `x`).
    func family(of name: String) -> String? {
        if self.types[name] != nil { return name }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if let type = self.types[base], type == "histogram" || type == "summary" { return base }
        }
        return nil
    }

    /// The sum of the values of `name` whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        self.samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }.reduce(0) { $0 + $1.value }
    }

    private func checkHistograms() throws {
        for (family, type) in self.types where type == "histogram" {
            var series: [[String: String]: [(Double, Double)]] = [:]
            for sample in self.samples where sample.name == family + "_bucket" {
                var labels = sample.labels
                guard let bound = labels.removeValue(forKey: "le") else {
                    throw Failure(description: "\(family)_bucket without le")
                }
                let le = bound == "+Inf" ? Double.infinity : Double(bound)
                guard let le else { throw Failure(description: "\(family)_bucket le=\(bound)") }
                series[labels, default: []].append((le, sample.value))
            }
            for (labels, buckets) in series {
                let sorted = buckets.sorted { $0.0 < $1.0 }
                guard sorted.last?.0 == .infinity else { throw Failure(description: "\(family) has no +Inf bucket") }
                for (a, b) in zip(sorted, sorted.dropFirst()) where b.1 < a.1 {
                    throw Failure(description: "\(family) buckets fall")
                }
                let count = self.samples.first { $0.name == family + "_count" && $0.labels == labels }
                guard count?.value == sorted.last?.1 else {
                    throw Failure(description: "\(family)_count differs from its +Inf bucket")
                }
            }
        }
    }

    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" || first == ":"
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == ":")
        }
    }

    private static func sample(_ line: Substring, where place: String) throws -> Sample {
        var rest = line[...]
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = rest[..<nameEnd]
        guard Self.isName(name) else { throw Failure(description: "\(place): bad sample name") }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw Failure(description: "\(place): bad label") }
                let label = rest[..<equals]
                guard Self.isName(label), !label.contains(":") else {
                    throw Failure(description: "\(place): bad label name")
                }
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { throw Failure(description: "\(place): label value not quoted") }
                rest = rest.dropFirst()
                var value = ""
                while let c = rest.first, c != "\"" {
                    rest = rest.dropFirst()
                    if c == "\\" {
                        guard let escaped = rest.popFirst() else { throw Failure(description: "\(place): bad escape") }
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw Failure(description: "\(place): bad escape \\\(escaped)")
                        }
                    } else {
                        value.append(c)
                    }
                }
                guard rest.popFirst() == "\"" else { throw Failure(description: "\(place): unterminated label value") }
                guard labels.updateValue(value, forKey: String(label)) == nil else {
                    throw Failure(description: "\(place): label \(label) twice")
                }
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Failure(description: "\(place): no space before the value") }
        let fields = rest.dropFirst().split(separator: " ")
        guard (1...2).contains(fields.count) else { throw Failure(description: "\(place): bad value") }
        let text = String(fields[0])
        let value: Double? =
            switch text {
            case "+Inf": .infinity
            case "-Inf": -.infinity
            case "NaN": .nan
            default: Double(text)
            }
        guard let value else { throw Failure(description: "\(place): \(text) is not a number") }
        if fields.count == 2, Int64(fields[1]) == nil { throw Failure(description: "\(place): bad timestamp") }
        return Sample(name: String(name), labels: labels, value: value)
    }
}
