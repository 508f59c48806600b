export { createLocalMusicModel, LOCAL_MUSIC_MODEL_ID } from "./local-music-model";
export { composeBed, SAMPLE_RATE } from "./compose-bed";
