import { describe, expect, it } from 'vitest';
import { normaliseForSpeech as speak } from './normalise';

describe('normaliseForSpeech', () => {
  describe('dates', () => {
    it('reads a full date with ngày, tháng and năm', () => {
      expect(speak('20/10/2026')).toBe('ngày hai mươi tháng mười năm hai nghìn không trăm hai mươi sáu');
    });

    it('does not repeat "ngày" already written before the date', () => {
      expect(speak('Ngày 02/09/2026')).toBe('Ngày hai tháng chín năm hai nghìn không trăm hai mươi sáu');
    });

    it('accepts dashes and dots as date separators', () => {
      expect(speak('1-6-2026')).toBe('ngày một tháng sáu năm hai nghìn không trăm hai mươi sáu');
      expect(speak('1.6.2026')).toBe('ngày một tháng sáu năm hai nghìn không trăm hai mươi sáu');
    });

    it('reads an ISO date', () => {
      expect(speak('2026-10-20')).toBe('ngày hai mươi tháng mười năm hai nghìn không trăm hai mươi sáu');
    });

    it('calls April "tháng tư" in month/year form without repeating "tháng"', () => {
      expect(speak('tháng 4/2026')).toBe('tháng tư năm hai nghìn không trăm hai mươi sáu');
    });

    it('reads a day/month without year', () => {
      expect(speak('Lễ 30/4 và 1/5')).toBe('Lễ ngày ba mươi tháng tư và ngày một tháng năm');
    });

    it('leaves an impossible date to the number rules', () => {
      expect(speak('40/13/2026')).not.toContain('ngày');
    });
  });

  describe('clock times', () => {
    it.each([
      ['06:30', 'sáu giờ ba mươi phút'],
      ['6h30', 'sáu giờ ba mươi phút'],
      ['6H30', 'sáu giờ ba mươi phút'],
      ['6g30', 'sáu giờ ba mươi phút'],
      ['6h30p', 'sáu giờ ba mươi phút'],
      ['17h', 'mười bảy giờ'],
      ['17h00', 'mười bảy giờ'],
      ['17 giờ', 'mười bảy giờ'],
      ['07:05', 'bảy giờ năm phút'],
      ['21:15', 'hai mươi mốt giờ mười lăm phút'],
    ])('reads %s as "%s"', (written, spoken) => {
      expect(speak(written)).toBe(spoken);
    });

    it('reads a dash between clock times as "đến"', () => {
      expect(speak('7h30 - 11h00')).toBe('bảy giờ ba mươi phút đến mười một giờ');
      expect(speak('7-9h')).toBe('bảy đến chín giờ');
      expect(speak('13:30–17:00')).toBe('mười ba giờ ba mươi phút đến mười bảy giờ');
    });

    it('reads "17g" as a time before a word of the day and as grams otherwise', () => {
      expect(speak('Hạn chót 17g ngày 30/6.')).toBe('Hạn chót mười bảy giờ ngày ba mươi tháng sáu.');
      expect(speak('5g muối')).toBe('năm gam muối');
    });

    it('leaves an impossible clock time to the number rules', () => {
      expect(speak('25:99')).not.toContain('giờ');
    });
  });

  describe('numbers', () => {
    it('reads dotted thousands as one quantity', () => {
      expect(speak('1.000.000')).toBe('một triệu');
      expect(speak('1.250.000 người')).toBe('một triệu hai trăm năm mươi nghìn người');
    });

    it('reads the decimal comma as "phẩy"', () => {
      expect(speak('2,5')).toBe('hai phẩy năm');
      expect(speak('1.234,75')).toBe('một nghìn hai trăm ba mươi tư phẩy bảy mươi lăm');
    });

    it('uses "mốt", "lăm" and "linh"', () => {
      expect(speak('31 hộ, 15 người, 105 suất')).toBe('ba mươi mốt hộ, mười lăm người, một trăm linh năm suất');
    });

    it('reads a dash between numbers as "đến"', () => {
      expect(speak('từ 7-9 giờ')).toBe('từ bảy đến chín giờ');
    });

    it('reads "thứ 1" and "thứ 4" as ordinals', () => {
      expect(speak('lần thứ 1, Thứ 4, thứ 7')).toBe('lần thứ nhất, Thứ tư, thứ bảy');
    });

    it('reads Roman numerals after quý, khóa and lần', () => {
      expect(speak('Quý IV, khóa XV')).toBe('Quý bốn, khóa mười lăm');
    });

    it('reads numbers glued to letters apart from them', () => {
      expect(speak('COVID-19')).toBe('COVID mười chín');
      expect(speak('COVID19 và 5G')).toBe('COVID mười chín và năm G');
    });

    it('reads a single dot before other than three digits as a decimal point', () => {
      expect(speak('10.5 km')).toBe('mười phẩy năm ki lô mét');
      expect(speak('2.000')).toBe('hai nghìn');
      expect(speak('phiên bản 1.2.3')).toBe('phiên bản một chấm hai chấm ba');
    });

    it('reads English thousands with two or more comma groups', () => {
      expect(speak('5,000,000 VNĐ')).toBe('năm triệu đồng');
    });

    it('reads a slash between numbers that are not a date as "trên"', () => {
      expect(speak('Nghị định 100/2019/NĐ-CP')).toBe(
        'Nghị định một trăm trên hai nghìn không trăm mười chín nghị định Chính phủ',
      );
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['0912 345 678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
      ['0912345678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
      ['0912.345.678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
      ['0912-345-678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
      ['+84 912 345 678', 'cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
      ['1900 1234', 'một chín không không, một hai ba bốn'],
      ['(024) 3825 1234', 'không hai bốn, ba tám hai năm, một hai ba bốn'],
    ])('reads %s digit by digit', (written, spoken) => {
      expect(speak(written)).toBe(spoken);
    });

    it('reads emergency numbers digit by digit only when the sentence is about calling', () => {
      expect(speak('Đường dây nóng: 113, 114, 115')).toBe('Đường dây nóng: một một ba, một một bốn, một một năm');
      expect(speak('Gọi 114 khi có cháy')).toBe('Gọi một một bốn khi có cháy');
      expect(speak('Có 115 hộ tham gia')).toBe('Có một trăm mười lăm hộ tham gia');
    });
  });

  describe('money, percentages and units', () => {
    it.each([
      ['15%', 'mười lăm phần trăm'],
      ['2,5 %', 'hai phẩy năm phần trăm'],
      ['50.000đ', 'năm mươi nghìn đồng'],
      ['50.000 đ', 'năm mươi nghìn đồng'],
      ['50.000 VNĐ', 'năm mươi nghìn đồng'],
      ['50.000 VND', 'năm mươi nghìn đồng'],
      ['200.000 đồng', 'hai trăm nghìn đồng'],
      ['50k', 'năm mươi nghìn'],
      ['5tr', 'năm triệu'],
      ['25 km/h', 'hai mươi lăm ki lô mét trên giờ'],
      ['100m2', 'một trăm mét vuông'],
      ['30°C', 'ba mươi độ xê'],
    ])('reads %s as "%s"', (written, spoken) => {
      expect(speak(written)).toBe(spoken);
    });

    it('reads "/" before a unit of time or count as "một" (per)', () => {
      expect(speak('Học phí 1.500.000đ/tháng')).toBe('Học phí một triệu năm trăm nghìn đồng một tháng');
      expect(speak('25.000 đồng/kg')).toBe('hai mươi lăm nghìn đồng một ki lô gam');
    });

    it('does not take the "đ" of a following word for the currency', () => {
      expect(speak('5 đến 7 người')).toBe('năm đến bảy người');
    });
  });

  describe('abbreviations', () => {
    it.each([
      ['UBND', 'Ủy ban nhân dân'],
      ['HĐND', 'Hội đồng nhân dân'],
      ['HDND', 'Hội đồng nhân dân'],
      ['MTTQ', 'Mặt trận Tổ quốc'],
      ['UBMTTQ', 'Ủy ban Mặt trận Tổ quốc'],
      ['TDP', 'tổ dân phố'],
      ['CCCD', 'căn cước công dân'],
      ['CSGT', 'cảnh sát giao thông'],
      ['THCS', 'trung học cơ sở'],
      ['THPT', 'trung học phổ thông'],
      ['PCCC', 'phòng cháy chữa cháy'],
      ['TP. Hà Nội', 'thành phố Hà Nội'],
      ['TP.Huế', 'thành phố Huế'],
      ['TP.HCM', 'thành phố Hồ Chí Minh'],
      ['Số ĐT', 'số điện thoại'],
    ])('expands %s to "%s"', (written, spoken) => {
      expect(speak(written)).toBe(spoken);
    });

    it('keeps the sentence-ending stop after "v.v."', () => {
      expect(speak('gạo, muối v.v.')).toBe('gạo, muối vân vân.');
    });

    it('leaves the ambiguous "P." as written', () => {
      expect(speak('P. Láng Hạ')).toBe('P. Láng Hạ');
    });

    it('does not expand an abbreviation inside a longer word', () => {
      expect(speak('UBNDX TDPs')).toBe('UBNDX TDPs');
    });
  });

  describe('text and punctuation', () => {
    it('normalises NFD input to NFC first', () => {
      const nfd = 'Thông báo của UBND'.normalize('NFD');
      expect(speak(nfd)).toBe('Thông báo của Ủy ban nhân dân'.normalize('NFC'));
    });

    it('keeps the punctuation espeak pauses on', () => {
      expect(speak('Bà con chú ý! Mất điện; từ sáng, đến chiều? Vâng: đúng…')).toBe(
        'Bà con chú ý! Mất điện; từ sáng, đến chiều? Vâng: đúng…',
      );
    });

    it('turns line breaks into pauses and drops list bullets', () => {
      expect(speak('Thông báo:\n- Mục 1\n- Mục 2')).toBe('Thông báo: Mục một. Mục hai');
    });

    it('drops emoji and decorative symbols', () => {
      expect(speak('📢 *Khẩn* — mời bà con')).toBe('Khẩn, mời bà con');
    });

    it('reads a whole announcement', () => {
      expect(speak('UBND phường thông báo: từ 06:30 ngày 20/10/2026 cắt nước tại TDP 5. Liên hệ 0912 345 678.')).toBe(
        'Ủy ban nhân dân phường thông báo: từ sáu giờ ba mươi phút ngày hai mươi tháng mười năm hai nghìn không trăm hai mươi sáu cắt nước tại tổ dân phố năm. Liên hệ không chín một hai, ba bốn năm, sáu bảy tám.',
      );
    });
  });
});
