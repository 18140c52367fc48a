// The declaration in include/CFuzzerDriver.h is the whole module; SwiftPM needs one source file to build it.
#include "CFuzzerDriver.h"
