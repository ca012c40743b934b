/* Test scaffolding for .ci/windows, never shipped: Wine 8 has no bcryptprimitives.dll, whose
 * ProcessPrng is where recent Rust std gets its random bytes on Windows, so no Rust .exe starts
 * under it. This stand-in, placed in the Wine prefix only, answers from RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    /* RtlGenRandom takes a ULONG length: feed it at most 256 MiB at a time. */
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
