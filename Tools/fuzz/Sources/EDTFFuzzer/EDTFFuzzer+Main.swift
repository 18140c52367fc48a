import CFuzzerDriver

/// The executable's entry point: SwiftPM links `main` as an alias of `EDTFFuzzer_main`; libFuzzer takes over.
@_cdecl("EDTFFuzzer_main")
func edtfFuzzerMain(
    _ argc: CInt,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return edtfFuzzerTestOneInput(data, size)
    }
}
