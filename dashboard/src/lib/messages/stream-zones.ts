// Strings of the stream zone section of a device group (a loudspeaker group played as a live audio stream for
// IP receivers). An area dictionary (lib/area-i18n): it loads with the devices screen.
import { areaDictionary } from '../area-i18n';

const vi = {
  title: 'Phát thành luồng (vùng phát) — {name}',
  intro: 'Máy chủ phát chương trình của nhóm loa này thành một luồng âm thanh liên tục cho các bộ thu IP: cùng lịch, khung giờ, cảnh báo như loa trong nhóm.',
  slug: 'Tên luồng',
  slugHint: 'Chữ thường không dấu, số và “-”, tối đa 40 ký tự; dùng trong địa chỉ /stream/<tên>.mp3.',
  slugBad: 'Tên luồng chỉ gồm chữ thường không dấu, số và “-”, bắt đầu bằng chữ hoặc số.',
  bitrate: 'Tốc độ bit (kbps)',
  channels: 'Kênh',
  mono: 'Đơn (mono)',
  stereo: 'Nổi (stereo)',
  volume: 'Âm lượng (0–100)',
  quietStart: 'Giờ yên tĩnh từ',
  quietEnd: 'đến',
  quietHint: 'Để trống cả hai nếu không có giờ yên tĩnh. Cảnh báo khẩn cấp vẫn phát trong giờ yên tĩnh.',
  quietBad: 'Nhập cả giờ bắt đầu và giờ kết thúc, hoặc để trống cả hai.',
  enabled: 'Đang phát',
  save: 'Lưu vùng phát',
  saving: 'Đang lưu…',
  saved: 'Đã lưu vùng phát “{slug}”.',
  remove: 'Thôi phát thành luồng',
  removed: 'Nhóm không còn phát thành luồng.',
  urls: 'Địa chỉ cho bộ thu',
  urlMp3: 'MP3',
  urlHls: 'HLS',
  urlIcecast: 'Icecast',
  none: 'Nhóm này chưa phát thành luồng.',
};
type Key = keyof typeof vi;

const en: Record<Key, string> = {
  title: 'Play as a stream (zone) — {name}',
  intro: 'The server plays this loudspeaker group’s programme as one continuous audio stream for IP receivers: the same schedules, slots and alerts as the group’s speakers.',
  slug: 'Stream name',
  slugHint: 'Lower-case letters without accents, digits and “-”, at most 40; used in the address /stream/<name>.mp3.',
  slugBad: 'A stream name has only lower-case letters, digits and “-”, and starts with a letter or digit.',
  bitrate: 'Bitrate (kbps)',
  channels: 'Channels',
  mono: 'Mono',
  stereo: 'Stereo',
  volume: 'Volume (0–100)',
  quietStart: 'Quiet hours from',
  quietEnd: 'to',
  quietHint: 'Leave both empty for no quiet hours. Emergency alerts still play in quiet hours.',
  quietBad: 'Give both the start and the end, or leave both empty.',
  enabled: 'On air',
  save: 'Save zone',
  saving: 'Saving…',
  saved: 'Zone “{slug}” saved.',
  remove: 'Stop streaming',
  removed: 'The group is no longer played as a stream.',
  urls: 'Addresses for receivers',
  urlMp3: 'MP3',
  urlHls: 'HLS',
  urlIcecast: 'Icecast',
  none: 'This group is not played as a stream yet.',
};

export const streamZonesText = areaDictionary<Key>(vi, en);
