// Strings of the "Phát ngay" (play now) form on a content item. An area dictionary (lib/area-i18n).
import { areaDictionary } from '../area-i18n';

const vi = {
  open: 'Phát ngay',
  title: 'Phát ngay nội dung này',
  intro: 'Nội dung được xếp lịch ưu tiên bắt đầu ngay bây giờ và phát ở lượt kế tiếp trên các thiết bị đã chọn.',
  groups: 'Nhóm thiết bị',
  devices: 'Thiết bị',
  noGroups: 'Chưa có nhóm nào.',
  repeat: 'Số lần phát',
  repeatHint: 'Từ 1 đến 10 lần.',
  interval: 'Cách nhau (phút)',
  intervalHint: 'Thời gian giữa hai lần phát, tính từ lúc bắt đầu.',
  speakerHint: 'Loa truyền thanh chỉ phát trong khung phát thanh; ngoài khung, lịch sẽ bị từ chối.',
  submit: 'Phát',
  submitting: 'Đang tạo…',
  cancel: 'Huỷ',
  pickTarget: 'Chọn ít nhất một nhóm hoặc thiết bị.',
  done: 'Đã tạo lịch phát ngay #{id}: {times} lần.',
  loading: 'Đang tải thiết bị…',
};

const en: Record<keyof typeof vi, string> = {
  open: 'Play now',
  title: 'Play this item now',
  intro: 'The item gets a priority schedule entry starting now and plays at the next turn on the chosen devices.',
  groups: 'Device groups',
  devices: 'Devices',
  noGroups: 'No groups yet.',
  repeat: 'Times to play',
  repeatHint: 'From 1 to 10 times.',
  interval: 'Interval (minutes)',
  intervalHint: 'Time between two plays, from start to start.',
  speakerHint: 'Loudspeakers play only in their broadcast slots; outside them the entry is refused.',
  submit: 'Play',
  submitting: 'Creating…',
  cancel: 'Cancel',
  pickTarget: 'Choose at least one group or device.',
  done: 'Play-now entry #{id} created: {times} time(s).',
  loading: 'Loading devices…',
};

export const playNowText = areaDictionary(vi, en);
