/// Writes a graph as a Mermaid flowchart, for Markdown files that render diagrams (GitHub, GitLab).
///
/// Node ids are `n0`, `n1`, ... so entity ids need no escaping; labels use Mermaid's `#quot;` entity.
public enum MermaidExporter {
    /// The Mermaid source (`flowchart LR ...`).
    public static func export(_ graph: GraphModel) -> String {
        var lines = ["flowchart LR"]
        var keys: [String: String] = [:]
        for (index, node) in graph.nodes.enumerated() {
            let key = "n\(index)"
            keys[node.id] = key
            let label = node.kind.isEmpty ? node.label : "\(node.label) (\(node.kind))"
            lines.append("    \(key)[\"\(self.escape(label))\"]")
        }
        for edge in graph.edges {
            guard let source = keys[edge.source], let target = keys[edge.target] else { continue }
            lines.append("    \(source) -->|\"\(self.escape(edge.relation))\"| \(target)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\"": output += "#quot;"
            case "|": output += "#124;"
            case "\n", "\r", "\r\n": output += " "
            default: output.append(character)
            }
        }
        return output
    }
}
