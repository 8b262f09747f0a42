-- Screen on and off (bật/tắt màn hình): staff may wake a screen outside its operating hours or put it to sleep
-- inside them, for a while. The override lives here, not on the player, so it survives player restarts and
-- reaches a screen that was offline when it reconnects (the compiler folds it into the timeline's awake intervals).
-- JSON {"state":"awake"|"asleep","since":<epoch ms>,"until":<epoch ms>}, or NULL = the operating hours alone.
ALTER TABLE devices ADD COLUMN power_override TEXT;
