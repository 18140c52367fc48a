internal import CMalloc

/// Gives the memory a snapshot step freed back to the system (`malloc_trim(0)` with glibc). glibc keeps freed
/// memory in the arena of the thread that allocated it, so without this a step's peak stays resident after it
/// and the next step, on other threads, adds its own.
func releaseFreedMemory() {
    #if os(Linux)
    malloc_trim(0)
    #endif
}
