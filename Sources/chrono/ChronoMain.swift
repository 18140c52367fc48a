import ArgumentParser
import ChronoCLI

/// The `chrono` executable: everything lives in `ChronoCLI` so tests can import it.
@main
enum ChronoMain {
    static func main() async {
        await Chrono.main()
    }
}
