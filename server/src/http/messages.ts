// Human messages of every error the API returns, in Vietnamese (default) and English.
export type Lang = 'vi' | 'en';

export const MESSAGES = {
  bad_request: { vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  validation_failed: {
    vi: 'Dữ liệu gửi lên không hợp lệ: {details}',
    en: 'The submitted data is invalid: {details}',
  },
  malformed_json: { vi: 'Nội dung JSON bị lỗi cú pháp.', en: 'The JSON body is malformed.' },
  unauthenticated: { vi: 'Bạn cần đăng nhập để tiếp tục.', en: 'You need to log in to continue.' },
  forbidden: { vi: 'Vai trò của bạn không được phép làm việc này.', en: 'Your role is not allowed to do this.' },
  csrf_failed: {
    vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang.',
    en: 'Invalid session (missing CSRF token). Please reload the page.',
  },
  bad_origin: { vi: 'Yêu cầu đến từ nguồn không được phép.', en: 'The request comes from a disallowed origin.' },
  bad_credentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  too_many_attempts: {
    vi: 'Quá nhiều lần thử. Hãy thử lại sau {seconds} giây.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  not_found: { vi: 'Không tìm thấy.', en: 'Not found.' },
  user_not_found: { vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  username_taken: { vi: 'Tên đăng nhập "{username}" đã có người dùng.', en: 'The username "{username}" is already taken.' },
  last_admin: {
    vi: 'Không thể bỏ quyền hoặc khoá quản trị viên cuối cùng.',
    en: 'The last active administrator cannot lose the admin role or be disabled.',
  },
  // Devices, pairing, groups, playlists, schedules and timelines
  device_not_found: { vi: 'Không tìm thấy thiết bị #{id}.', en: 'Device #{id} not found.' },
  device_field_not_for_kind: {
    vi: 'Trường "{field}" không dùng cho thiết bị loại {kind}.',
    en: 'The field "{field}" does not apply to a {kind} device.',
  },
  receiver_not_pairable: {
    vi: 'Thiết bị #{id} là bộ thu IP: nó dùng địa chỉ luồng, không ghép nối bằng mã.',
    en: 'Device #{id} is an IP receiver: it uses a stream URL and is not paired with a code.',
  },
  receiver_zone_required: {
    vi: 'Nhóm #{id} không phải vùng phát luồng: hãy bật luồng cho nhóm trước.',
    en: 'Group #{id} is not a stream zone: turn its stream on first.',
  },
  not_a_receiver: { vi: 'Thiết bị #{id} không phải bộ thu IP.', en: 'Device #{id} is not an IP receiver.' },
  stream_unauthorized: {
    vi: 'Mã luồng sai, đã bị thu hồi hoặc thuộc vùng khác.',
    en: 'The stream token is wrong, revoked or belongs to another zone.',
  },
  stream_zone_not_found: { vi: 'Không có vùng phát luồng "{slug}".', en: 'No stream zone "{slug}".' },
  stream_not_running: { vi: 'Luồng của vùng "{slug}" đang không phát.', en: 'The stream of zone "{slug}" is not running.' },
  group_not_found: { vi: 'Không tìm thấy nhóm thiết bị #{id}.', en: 'Device group #{id} not found.' },
  group_name_taken: { vi: 'Đã có nhóm thiết bị tên "{name}".', en: 'A device group named "{name}" already exists.' },
  group_in_use: {
    vi: 'Nhóm đang được dùng trong lịch phát {schedules}; hãy sửa các lịch đó trước.',
    en: 'The group is used by schedules {schedules}; change those first.',
  },
  layout_not_found: { vi: 'Không tìm thấy bố cục màn hình #{id}.', en: 'Screen layout #{id} not found.' },
  layout_version_not_found: { vi: 'Bố cục #{id} không có phiên bản #{versionId}.', en: 'Layout #{id} has no version #{versionId}.' },
  layout_invalid: { vi: 'Bố cục không hợp lệ: {problems}.', en: 'The layout is invalid: {problems}.' },
  layout_content_unknown: {
    vi: 'Vùng "{region}" dùng nội dung #{id} không có (chỉ tin nhắn hoặc clip).',
    en: 'Region "{region}" uses content #{id}, which does not exist (messages or clips only).',
  },
  layout_system: { vi: 'Bố cục mẫu #{id} không sửa hay xoá được; hãy tạo bản sao.', en: 'Starter layout #{id} cannot be changed or deleted; make a copy.' },
  layout_not_waiting: {
    vi: 'Phiên bản {number} của bố cục không chờ duyệt (trạng thái: {state}).',
    en: 'Version {number} of the layout is not waiting for review (state: {state}).',
  },
  layout_reject_reason: { vi: 'Hãy ghi lý do từ chối bố cục.', en: 'Give a reason for rejecting the layout.' },
  layout_in_use: { vi: 'Bố cục đang dùng cho {count} thiết bị hoặc nhóm; hãy gỡ trước.', en: 'The layout is assigned to {count} devices or groups; unassign it first.' },
  layout_not_for_kind: { vi: 'Thiết bị loại {kind} không có màn hình để dùng bố cục.', en: 'A {kind} device has no screen to use a layout.' },
  // Relay sources (nguồn tiếp âm) and the SSRF guard of their URLs
  live_bad_request: {
    vi: 'Yêu cầu phát trực tiếp không hợp lệ: {details}',
    en: 'The live announcement request is invalid: {details}',
  },
  live_no_targets: {
    vi: 'Các nhóm đã chọn không có loa hay vùng phát nào.',
    en: 'The chosen groups have no loudspeaker or stream zone.',
  },
  live_group_not_found: { vi: 'Không tìm thấy nhóm #{id}.', en: 'Group #{id} not found.' },
  live_emergency_forbidden: {
    vi: 'Chỉ người được phát cảnh báo khẩn cấp mới phát trực tiếp ở mức khẩn cấp.',
    en: 'Only staff allowed to issue alerts may speak live at emergency class.',
  },
  live_busy: {
    vi: '{by} đang phát trực tiếp tới {groups} (từ {since}). Chờ họ kết thúc rồi thử lại.',
    en: '{by} is speaking live to {groups} (since {since}). Wait until they finish, then try again.',
  },
  live_unavailable: {
    vi: 'Không bắt đầu được buổi phát trực tiếp: {details}',
    en: 'The live announcement could not start: {details}',
  },
  live_announcement_not_found: { vi: 'Không tìm thấy buổi phát trực tiếp #{id}.', en: 'Live announcement #{id} not found.' },
  relay_source_not_found: { vi: 'Không tìm thấy nguồn tiếp âm #{id}.', en: 'Relay source #{id} not found.' },
  relay_source_name_taken: { vi: 'Đã có nguồn tiếp âm tên "{name}".', en: 'A relay source named "{name}" already exists.' },
  relay_source_not_waiting: {
    vi: 'Nguồn tiếp âm không chờ duyệt (trạng thái: {state}).',
    en: 'The relay source is not waiting for review (state: {state}).',
  },
  relay_source_changed: {
    vi: 'Nguồn tiếp âm vừa được người khác sửa; hãy tải lại và xem địa chỉ mới.',
    en: 'Someone has just changed the relay source; reload and check its new address.',
  },
  relay_source_self_review: {
    vi: 'Không ai được tự duyệt nguồn tiếp âm do mình thêm hoặc sửa.',
    en: 'Nobody may decide on a relay source they added or changed.',
  },
  relay_reject_reason: { vi: 'Hãy ghi lý do từ chối nguồn tiếp âm.', en: 'Give a reason for rejecting the relay source.' },
  relay_url_invalid: { vi: 'Địa chỉ nguồn tiếp âm không phải một URL hợp lệ.', en: 'The relay address is not a valid URL.' },
  relay_url_scheme: { vi: 'Nguồn tiếp âm phải là địa chỉ http:// hoặc https://.', en: 'A relay source must be an http:// or https:// address.' },
  relay_url_userinfo: {
    vi: 'Địa chỉ nguồn tiếp âm không được chứa tên đăng nhập hay mật khẩu (dạng user:pass@).',
    en: 'The relay address may not carry a user name or password (user:pass@).',
  },
  relay_url_host: { vi: 'Địa chỉ nguồn tiếp âm thiếu tên máy chủ.', en: 'The relay address has no host.' },
  relay_url_port: { vi: 'Cổng của nguồn tiếp âm phải từ 1 đến 65535.', en: 'The relay port must be 1 to 65535.' },
  relay_url_unresolvable: {
    vi: 'Không tra được địa chỉ IP của máy "{host}". Hãy kiểm tra tên máy và mạng.',
    en: 'The host "{host}" could not be resolved. Check the name and the network.',
  },
  relay_url_private: {
    vi: 'Địa chỉ {address} là {kind}: chỉ dùng được khi quản trị viên chọn "Cho phép địa chỉ nội bộ".',
    en: 'The address {address} is {kind}: it is allowed only with "Allow internal addresses", set by an administrator.',
  },
  relay_url_reserved: {
    vi: 'Địa chỉ {address} là {kind}: không bao giờ dùng làm nguồn tiếp âm.',
    en: 'The address {address} is {kind}: it can never be a relay source.',
  },
  relay_url_self: {
    vi: 'Địa chỉ {address} trỏ về chính máy chủ bantin: không tiếp âm từ chính mình.',
    en: 'The address {address} points at this bantin server itself: it cannot relay itself.',
  },
  // Kinds of address (the {kind} of relay_url_private and relay_url_reserved)
  relay_addr_public: { vi: 'địa chỉ công cộng', en: 'a public address' },
  relay_addr_private: { vi: 'địa chỉ mạng nội bộ', en: 'a private network address' },
  relay_addr_loopback: { vi: 'địa chỉ nội bộ của chính máy (loopback)', en: 'a loopback address' },
  relay_addr_link_local: { vi: 'địa chỉ link-local (kể cả dịch vụ metadata của đám mây)', en: 'a link-local address (cloud metadata included)' },
  relay_addr_unspecified: { vi: 'địa chỉ không xác định (0.0.0.0, ::)', en: 'an unspecified address (0.0.0.0, ::)' },
  relay_addr_multicast: { vi: 'địa chỉ multicast', en: 'a multicast address' },
  relay_addr_reserved: { vi: 'địa chỉ dành riêng hoặc quảng bá', en: 'a reserved or broadcast address' },
  group_not_stream_zone: { vi: 'Nhóm #{id} chưa được phát thành luồng.', en: 'Group #{id} is not a stream zone.' },
  stream_zone_slug_taken: {
    vi: 'Tên luồng "{slug}" đã được vùng phát khác dùng.',
    en: 'The stream name "{slug}" is already used by another zone.',
  },
  playlist_not_found: { vi: 'Không tìm thấy danh sách phát #{id}.', en: 'Playlist #{id} not found.' },
  playlist_in_use: {
    vi: 'Danh sách phát đang được {count} lịch phát sử dụng.',
    en: 'The playlist is used by {count} schedule(s).',
  },
  playlist_content_unknown: { vi: 'Không có nội dung {ids}.', en: 'There is no content {ids}.' },
  schedule_not_found: { vi: 'Không tìm thấy lịch phát #{id}.', en: 'Schedule #{id} not found.' },
  schedule_content_unknown: { vi: 'Lịch phát dùng nội dung không tồn tại: {ids}.', en: 'The schedule uses content that does not exist: {ids}.' },
  schedule_end_before_start: { vi: 'Thời điểm kết thúc ({end}) trước thời điểm bắt đầu ({start}).', en: 'The end ({end}) is before the start ({start}).' },
  schedule_zero_window: { vi: 'Khung giờ {window} có độ dài bằng 0.', en: 'The window {window} has zero length.' },
  schedule_rrule_invalid: { vi: 'RRULE không hợp lệ: {details}', en: 'The RRULE is invalid: {details}' },
  schedule_rrule_empty: {
    vi: 'RRULE không sinh ra lần phát nào (dù có hay không có điểm kết thúc), nên lịch không bao giờ phát.',
    en: 'The RRULE produces no occurrence (whether or not it ends), so the schedule would never play.',
  },
  schedule_too_many_occurrences: {
    vi: 'Lịch sinh ra {count} lần phát trong một ngày; tối đa là 10.000.',
    en: 'The schedule produces {count} occurrences in one day; the maximum is 10,000.',
  },
  play_now_not_approved: {
    vi: 'Nội dung #{id} chưa được duyệt (hoặc đã hết hạn, bị rút) nên không thể phát ngay.',
    en: 'Content #{id} is not approved (or has expired or been withdrawn), so it cannot be played now.',
  },
  play_now_ad: {
    vi: 'Quảng cáo #{id} không phát ngay được; hãy xếp lịch lớp "ads" cho màn hình LED.',
    en: 'Advert #{id} cannot be played now; schedule it in the "ads" class on LED screens.',
  },
  schedule_target_empty: { vi: 'Lịch phát cần chọn thiết bị, nhóm hoặc loại thiết bị.', en: 'A schedule needs devices, groups or kinds to target.' },
  schedule_group_unknown: { vi: 'Nhóm thiết bị {ids} không tồn tại hoặc đã bị xoá.', en: 'Device group(s) {ids} do not exist or were deleted.' },
  schedule_device_unknown: { vi: 'Thiết bị {ids} không tồn tại hoặc đã bị xoá.', en: 'Device(s) {ids} do not exist or were deleted.' },
  schedule_quiz_not_kiosk: {
    vi: 'Câu hỏi tìm hiểu Bộ Quy tắc chỉ hiện trên kiosk, không trên {target}. Hãy chọn kiosk (loại thiết bị "kiosk").',
    en: 'Quiz questions appear on kiosks only, not on {target}. Target kiosks (device kind "kiosk").',
  },
  schedule_quiz_in_playlist: {
    vi: 'Câu hỏi được lên lịch riêng, không nằm trong danh sách phát.',
    en: 'A quiz question is scheduled on its own, never in a playlist.',
  },
  schedule_ad_not_led: {
    vi: 'Quảng cáo chỉ được phát trên màn hình LED; lịch này nhắm tới {target} (loại {kind}).',
    en: 'Advertising may only target LED screens; this schedule reaches {target} (a {kind}).',
  },
  schedule_ad_class_mismatch: {
    vi: 'Nội dung quảng cáo chỉ được xếp vào lớp "ads", và lớp "ads" chỉ chứa quảng cáo.',
    en: 'Ad content belongs in the "ads" class only, and the "ads" class holds only ads.',
  },
  schedule_ad_fields_not_ads: {
    vi: 'Tỷ lệ quảng cáo và số lần phát mỗi giờ chỉ dùng cho lớp "ads".',
    en: 'Ad share and plays per hour apply to the "ads" class only.',
  },
  schedule_speaker_outside_slots: {
    vi: 'Loa "{device}" chỉ phát trong khung giờ phát thanh {slots}; khung giờ của lịch không trùng khung nào.',
    en: 'Speaker "{device}" plays only in its broadcast slots {slots}; the schedule\'s windows overlap none of them.',
  },
  schedule_speaker_window_outside_slot: {
    vi: 'Khung giờ {window} không nằm trọn trong một khung phát thanh của loa "{device}" ({slots}); loa chỉ phát trong các khung đó.',
    en: 'The window {window} does not lie within one broadcast slot of speaker "{device}" ({slots}); the speaker plays only inside them.',
  },
  schedule_speaker_window_too_short: {
    vi: 'Nội dung dài {needed} giây (kể cả nhạc hiệu) nhưng khung giờ của lịch trên loa "{device}" chỉ có {available} giây.',
    en: 'The content lasts {needed} s (jingle included) but the schedule\'s window on speaker "{device}" is only {available} s.',
  },
  schedule_relay_class: {
    vi: 'Lịch tiếp âm chỉ thuộc lớp "normal" hoặc "priority".',
    en: 'A relay schedule belongs to the "normal" or "priority" class only.',
  },
  schedule_relay_not_approved: {
    vi: 'Nguồn tiếp âm #{id} không có hoặc chưa được duyệt; chỉ nguồn đã duyệt mới được lên lịch.',
    en: 'Relay source #{id} does not exist or is not approved; only approved sources can be scheduled.',
  },
  schedule_speaker_too_long: {
    vi: 'Nội dung dài {needed} giây (kể cả nhạc hiệu) nhưng khung phát thanh dài nhất của loa "{device}" chỉ có {available} giây.',
    en: 'The content lasts {needed} s (jingle included) but the longest broadcast slot of speaker "{device}" is only {available} s.',
  },
  pairing_code_unknown: { vi: 'Mã ghép nối không đúng hoặc đã hết hạn.', en: 'The pairing code is wrong or has expired.' },
  pairing_code_claimed: { vi: 'Mã ghép nối này đã được dùng.', en: 'This pairing code has already been claimed.' },
  pairing_not_claimed: {
    vi: 'Mã chưa được nhân viên xác nhận. Hãy thử lại sau ít giây.',
    en: 'The code has not been claimed by staff yet. Try again in a few seconds.',
  },
  pairing_token_delivered: {
    vi: 'Mã thiết bị đã được cấp một lần; hãy xin mã ghép nối mới.',
    en: 'The device token was already handed out once; ask for a new pairing code.',
  },
  schedule_invalid: { vi: '{vi}', en: '{en}' },
  timeline_range_invalid: { vi: 'Khoảng thời gian xem trước không hợp lệ: {details}', en: 'The preview range is invalid: {details}' },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  unsupported_media_type: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  internal: {
    vi: 'Lỗi máy chủ. Hãy thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu {requestId}.',
    en: 'Server error. Try again; if it persists, tell the administrator the request id {requestId}.',
  },
  // Device commands
  device_offline: {
    vi: 'Thiết bị "{name}" đang mất kết nối; lệnh không gửi được. Hãy thử lại khi thiết bị trực tuyến.',
    en: 'Device "{name}" is offline; the command was not sent. Try again when it is online.',
  },
  power_not_for_kind: {
    vi: 'Thiết bị #{id} không có màn hình (loa hoặc bộ thu IP): chỉ bật/tắt được màn hình LED và kiosk.',
    en: 'Device #{id} has no screen (a loudspeaker or an IP receiver): only LED screens and kiosks can be woken or put to sleep.',
  },
  volume_not_for_led: { vi: 'Màn hình LED ngoài trời không phát âm thanh, không chỉnh âm lượng.', en: 'Outdoor LED screens play no sound; volume does not apply.' },
  invalid_utf8: { vi: 'Nội dung gửi lên không phải UTF-8 hợp lệ.', en: 'The request body is not valid UTF-8.' },
  // Media and content
  media_rejected: { vi: '{vi}', en: '{en}' },
  media_not_found: { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  range_not_satisfiable: { vi: 'Khoảng byte yêu cầu không hợp lệ.', en: 'The requested byte range is invalid.' },
  content_not_found: { vi: 'Không tìm thấy nội dung.', en: 'Content not found.' },
  version_not_found: { vi: 'Không tìm thấy phiên bản.', en: 'Version not found.' },
  media_required: { vi: 'Nội dung loại này cần một tệp đã tải lên.', en: 'This kind of content needs an uploaded file.' },
  media_kind_mismatch: { vi: 'Tệp {sha} là {actual}, ở đây cần {expected}.', en: 'File {sha} is {actual}; {expected} is needed here.' },
  invalid_validity: { vi: 'Ngày hết hiệu lực phải sau ngày bắt đầu.', en: 'The end of validity must be after its start.' },
  // Quiz questions (câu hỏi tìm hiểu Bộ Quy tắc), shown on kiosks
  quiz_question_required: { vi: 'Câu hỏi cần nội dung câu hỏi.', en: 'A quiz question needs its question text.' },
  quiz_answers_count: { vi: 'Câu hỏi cần từ 2 đến 4 đáp án, không để trống đáp án nào.', en: 'A quiz question needs 2 to 4 answers, none of them empty.' },
  quiz_correct_index: {
    vi: 'Đáp án đúng phải là một trong các đáp án đã nhập (từ 1 đến {count}).',
    en: 'The right answer must be one of the answers given (1 to {count}).',
  },
  quiz_explanation_required: { vi: 'Câu hỏi cần một lời giải thích ngắn.', en: 'A quiz question needs a short explanation.' },
  quiz_article_url: {
    vi: 'Đường dẫn tới điều khoản của Bộ Quy tắc phải là địa chỉ http:// hoặc https://.',
    en: 'The link to the Code’s article must be an http:// or https:// address.',
  },
  quiz_fields_only: { vi: 'Đáp án, giải thích và đường dẫn chỉ dùng cho câu hỏi.', en: 'Answers, explanation and article link belong to quiz questions only.' },
  bad_state: {
    vi: 'Phiên bản đang ở trạng thái "{state}", không thể {action}.',
    en: 'The version is "{state}"; it cannot be {action}.',
  },
  self_review: { vi: 'Không ai được tự duyệt nội dung do mình tạo hoặc gửi.', en: 'Nobody may decide on their own submission.' },
  wrong_reviewer: {
    vi: 'Quảng cáo do Phòng Kinh tế (ad_reviewer) duyệt; nội dung khác do Phòng Văn hoá – Xã hội (reviewer) duyệt.',
    en: 'Ads are decided by the economic office (ad_reviewer); everything else by the culture–social office (reviewer).',
  },
  reason_required: { vi: 'Từ chối hoặc thu hồi cần nêu lý do.', en: 'A rejection or revocation needs a reason.' },
  integrity_failed: {
    vi: 'Nội dung phiên bản không còn khớp với mã băm đã gửi duyệt; không thể duyệt.',
    en: 'The version no longer matches the hash that was submitted; it cannot be approved.',
  },
  speech_failed: { vi: 'Không tạo được giọng đọc: {detail}', en: 'Speech could not be rendered: {detail}' },
  unavailable: { vi: 'Dịch vụ tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
  // Realtime, device media, proof of play, feedback and emergency alerts
  device_unauthenticated: { vi: 'Mã thiết bị không hợp lệ hoặc đã bị thu hồi.', en: 'The device token is invalid or revoked.' },
  alert_not_found: { vi: 'Không tìm thấy cảnh báo.', en: 'Alert not found.' },
  alert_ended: { vi: 'Cảnh báo đã kết thúc (đã huỷ hoặc hết hạn).', en: 'The alert has already ended (cancelled or expired).' },
  alert_bad_expiry: {
    vi: 'Thời điểm hết hạn phải ở tương lai và không quá 7 ngày.',
    en: 'The expiry must be in the future and at most 7 days ahead.',
  },
  alert_no_target: { vi: 'Cảnh báo cần ít nhất một đối tượng nhận.', en: 'An alert needs at least one target.' },
  alert_audio_not_found: { vi: 'Không tìm thấy tệp âm thanh đã chọn.', en: 'The chosen audio file was not found.' },
  // Citizens' reports (phản ánh) and their cases
  case_not_found: { vi: 'Không tìm thấy phản ánh #{id}.', en: 'Report #{id} not found.' },
  case_transition_not_allowed: {
    vi: 'Không thể chuyển phản ánh từ "{from}" sang "{to}" (mới → đang xử lý → đã chuyển → đã đóng).',
    en: 'A report cannot go from "{from}" to "{to}" (new → being handled → forwarded → closed).',
  },
  case_status_new: { vi: 'mới', en: 'new' },
  case_status_handling: { vi: 'đang xử lý', en: 'being handled' },
  case_status_forwarded: { vi: 'đã chuyển', en: 'forwarded' },
  case_status_closed: { vi: 'đã đóng', en: 'closed' },
  case_changed: {
    vi: 'Phản ánh vừa được người khác cập nhật; hãy tải lại và thử lại.',
    en: 'Someone else has just changed this report; reload and try again.',
  },
  case_note_required: { vi: 'Chuyển cho công an phường cần có ghi chú.', en: 'Forwarding to the ward police needs a note.' },
  case_outcome_required: { vi: 'Đóng phản ánh cần chọn kết quả xử lý.', en: 'Closing a report needs an outcome.' },
  case_outcome_only_on_close: { vi: 'Chỉ chọn kết quả khi đóng phản ánh.', en: 'An outcome is given only when closing.' },
  cap_invalid: { vi: 'Bản tin CAP không hợp lệ: {reason}', en: 'The CAP message is invalid: {reason}' },
  // Reasons of cap_invalid (its {reason}): the CAP fields, then the XML reader's safety and syntax checks.
  cap_wrong_root: { vi: 'phần tử gốc phải là <alert xmlns="{ns}">', en: 'the root must be <alert xmlns="{ns}">' },
  cap_missing_field: { vi: '<{parent}> thiếu <{element}>', en: '<{parent}> needs <{element}>' },
  cap_unknown_value: { vi: 'giá trị <{element}> "{value}" không có trong CAP 1.2', en: 'unknown <{element}> "{value}"' },
  cap_bad_time: {
    vi: '<{element}> không phải thời điểm theo CAP (YYYY-MM-DDThh:mm:ss+07:00): "{value}"',
    en: '<{element}> is not a CAP date-time (YYYY-MM-DDThh:mm:ss+07:00): "{value}"',
  },
  cap_needs_info: { vi: 'bản tin loại {msgType} cần khối <info>', en: 'msgType {msgType} needs an <info> block' },
  cap_expired: { vi: 'cảnh báo đã hết hạn trước khi nhận', en: 'the alert has already expired' },
  cap_xml_doctype: {
    vi: 'không chấp nhận khai báo DOCTYPE và thực thể (ENTITY)',
    en: 'DOCTYPE and entity declarations are not allowed',
  },
  cap_xml_declaration: {
    vi: 'không chấp nhận chỉ thị xử lý hay khai báo (gần ký tự thứ {at})',
    en: 'processing instructions and declarations are not allowed (near character {at})',
  },
  cap_xml_bare_ampersand: { vi: 'dấu "&" đứng riêng (gần ký tự thứ {at}); hãy viết &amp;', en: 'bare "&" (near character {at}); write &amp;' },
  cap_xml_bad_char_ref: { vi: 'mã ký tự {ref} không hợp lệ', en: 'invalid character reference {ref}' },
  cap_xml_undeclared_entity: { vi: 'thực thể {entity} chưa khai báo', en: 'undeclared entity {entity}' },
  cap_xml_text_outside_root: { vi: 'có chữ nằm ngoài phần tử gốc (gần ký tự thứ {at})', en: 'text outside the root element (near character {at})' },
  cap_xml_unterminated_comment: { vi: 'chú thích <!-- chưa đóng (gần ký tự thứ {at})', en: 'unterminated comment <!-- (near character {at})' },
  cap_xml_bad_cdata: { vi: 'khối CDATA đặt sai chỗ hoặc chưa đóng (gần ký tự thứ {at})', en: 'misplaced or unterminated CDATA (near character {at})' },
  cap_xml_unexpected_close: { vi: 'thẻ đóng </{element}> không khớp thẻ mở (gần ký tự thứ {at})', en: 'unexpected closing tag </{element}> (near character {at})' },
  cap_xml_malformed_close: { vi: 'thẻ đóng viết sai (gần ký tự thứ {at})', en: 'malformed closing tag (near character {at})' },
  cap_xml_malformed_tag: { vi: 'thẻ viết sai (gần ký tự thứ {at})', en: 'malformed tag (near character {at})' },
  cap_xml_two_roots: { vi: 'có hơn một phần tử gốc (gần ký tự thứ {at})', en: 'more than one root element (near character {at})' },
  cap_xml_too_many_elements: { vi: 'quá nhiều phần tử (tối đa {max})', en: 'too many elements (at most {max})' },
  cap_xml_malformed_attribute: { vi: 'thuộc tính của <{element}> viết sai (gần ký tự thứ {at})', en: 'malformed attribute in <{element}> (near character {at})' },
  cap_xml_duplicate_attribute: { vi: 'thuộc tính {attribute} lặp lại (gần ký tự thứ {at})', en: 'duplicate attribute {attribute} (near character {at})' },
  cap_xml_too_deep: { vi: 'lồng nhau quá sâu (tối đa {max} cấp)', en: 'nesting too deep (at most {max} levels)' },
  cap_xml_unclosed_element: { vi: 'phần tử <{element}> chưa đóng', en: 'unclosed element <{element}>' },
  cap_xml_no_root: { vi: 'không có phần tử gốc', en: 'no root element' },
  cap_too_large: { vi: 'Bản tin CAP quá lớn (tối đa {max} byte).', en: 'The CAP message is too large (at most {max} bytes).' },
  cap_reference_not_found: {
    vi: 'Bản tin CAP tham chiếu cảnh báo chưa có: {references}',
    en: 'The CAP message references an unknown alert: {references}',
  },
  cap_no_area_match: {
    vi: 'Không khu vực nào trong bản tin CAP khớp với nhóm thiết bị (theo tên hoặc mã địa lý).',
    en: 'No CAP area matches a device group (by name or geocode).',
  },
  // Reports: proof of play, uptime, feedback, periodic report and its archive
  report_range_invalid: {
    vi: 'Khoảng ngày không hợp lệ ({from} – {to}): cần hai ngày dạng YYYY-MM-DD, ngày đầu không sau ngày cuối.',
    en: 'Invalid date range ({from} – {to}): two YYYY-MM-DD dates, the first not after the last.',
  },
  report_range_too_long: { vi: 'Khoảng ngày quá dài: tối đa {max} ngày.', en: 'The date range is too long: at most {max} days.' },
  report_period_invalid: {
    vi: 'Kỳ báo cáo không hợp lệ: tháng từ 1 đến 12, quý từ 1 đến 4 (nhận được {period} {index}).',
    en: 'Invalid report period: month 1–12, quarter 1–4 (got {period} {index}).',
  },
  report_not_found: {
    vi: 'Không tìm thấy báo cáo #{id} trong kho lưu trữ. Hãy lập lại báo cáo.',
    en: 'Report #{id} is not in the archive. Generate it again.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageCode = keyof typeof MESSAGES;

export const TITLES: Record<number, Record<Lang, string>> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  401: { vi: 'Chưa đăng nhập', en: 'Unauthorized' },
  403: { vi: 'Không được phép', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  409: { vi: 'Xung đột', en: 'Conflict' },
  413: { vi: 'Quá lớn', en: 'Payload too large' },
  415: { vi: 'Kiểu không hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Không xử lý được', en: 'Unprocessable content' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  500: { vi: 'Lỗi máy chủ', en: 'Internal server error' },
  503: { vi: 'Không sẵn sàng', en: 'Service unavailable' },
};

/** A parameter is a plain fact, or itself a message (a reason) written in the same language as the answer. */
export type MessageParam = string | number | { code: MessageCode; params?: Record<string, string | number> };

/** One message in both languages, Vietnamese first ("vi / en"): for texts that carry no language choice, as zod issues. */
export function bilingual(code: MessageCode, params: Record<string, MessageParam> = {}): string {
  return `${format(code, 'vi', params)} / ${format(code, 'en', params)}`;
}

export function format(code: MessageCode, lang: Lang, params: Record<string, MessageParam> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return typeof v === 'object' ? format(v.code, lang, v.params) : String(v ?? '');
  });
}

/** Picks vi or en from Accept-Language by quality; Vietnamese is the default. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'vi';
  const prefs = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.map((s) => s.trim()).find((s) => s.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('vi')) return 'vi';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
