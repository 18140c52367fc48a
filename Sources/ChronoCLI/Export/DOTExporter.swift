/// Writes a graph in Graphviz's DOT language: one quoted node per entity, one labelled arrow per relation.
///
/// Format: https://graphviz.org/doc/info/lang.html
public enum DOTExporter {
    /// The DOT document (`digraph chronograph { ... }`).
    public static func export(_ graph: GraphModel) -> String {
        var lines = [
            "digraph chronograph {",
            "    rankdir=LR;",
            #"    node [shape=box, style=rounded, fontname="Helvetica"];"#,
            #"    edge [fontname="Helvetica", fontsize=10];"#,
        ]
        for node in graph.nodes {
            let label = node.kind.isEmpty ? node.label : "\(node.label)\n(\(node.kind))"
            let shape = node.family == "instrument" ? ", shape=note" : ""
            lines.append("    \(self.quote(node.id)) [label=\(self.quote(label))\(shape)];")
        }
        for edge in graph.edges {
            let label = edge.date.isEmpty ? edge.relation : "\(edge.relation)\n\(edge.date)"
            lines.append(
                "    \(self.quote(edge.source)) -> \(self.quote(edge.target))"
                    + " [label=\(self.quote(label)), tooltip=\(self.quote(edge.citations))];"
            )
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A DOT double-quoted string: backslashes and quotes escaped, newlines as `\n`.
    static func quote(_ text: String) -> String {
        var output = "\""
        for character in text {
            switch character {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r", "\r\n": output += "\\n"
            default: output.append(character)
            }
        }
        return output + "\""
    }
}
