export const USAGE = `usage: adgen <command> [options]

commands:
  signup  --email E --password P     create an account and save its token
  login   --email E --password P     log in and save the token (~/.config/adgen)
  logout                             end the session and forget the token
  make    "<product>" --video-prompt P --name N --cta C [--out ad.mp4]
          [--images 4-8] [--approve N] [--duration 2-4] [--music upbeat|chill|energetic|none]
          [--format 16:9|9:16|1:1] [--font montserrat|poppins|bebas-neue|anton]
          [--color #RRGGBB] [--resume <sessionId>]
  batch   <file.jsonl|file.csv> [--concurrency 2] [--out-dir .]
                                     one ad per line (fields as in createAd's spec)
  list                               your ads, newest first
  status  <sessionId>                stage, images, clips, video and cost of one ad
  watch   <sessionId> [--from <eventId>]   follow an ad's progress until its step ends
  costs   <sessionId>                the cost ledger of one ad
  download <sessionId> [--out file]  save the finished MP4
  delete  <sessionId>                delete an ad and its files

options: --json (machine output), --quiet (no progress), -h/--help
exit codes: 0 done, 1 an ad failed or the server erred, 2 usage error, 3 not logged in
environment: ADGEN_URL (default http://localhost:3000), ADGEN_TOKEN (else the saved token)`;

/** A mistake in how the CLI was called: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** No token at all: exit code 3. */
export class NotLoggedInError extends Error {
  override name = "NotLoggedInError";
}
