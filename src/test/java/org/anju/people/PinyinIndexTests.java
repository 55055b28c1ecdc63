package org.anju.people;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PinyinIndexTests {

	@Test
	void aNameIsFoundByItsFullPinyinAndItsInitials() {
		PinyinIndex.Keys keys = PinyinIndex.of("张三");

		assertThat(keys.keys()).contains("zhangsan", "zs");
		assertThat(keys.sortKey()).isEqualTo("zhangsan");
		assertThat(keys.text()).contains("zhangsan");
	}

	@Test
	void bothReadingsOfThePolyphonicSurnameZengAreIndexed() {
		PinyinIndex.Keys keys = PinyinIndex.of("曾国藩");

		assertThat(keys.keys()).contains("zengguofan", "cengguofan", "zgf", "cgf");
	}

	@Test
	void bothReadingsOfThePolyphonicSurnameShanAreIndexed() {
		PinyinIndex.Keys keys = PinyinIndex.of("单田芳");

		assertThat(keys.keys()).contains("shantianfang", "dantianfang", "stf", "dtf");
	}

	@Test
	void theMiddleDotOfAMinorityNameIsSkipped() {
		PinyinIndex.Keys keys = PinyinIndex.of("阿依古丽·买买提");

		assertThat(keys.keys()).contains("ayigulimaimaiti", "ayglmmt");
		assertThat(keys.keys()).allSatisfy((key) -> assertThat(key).matches("[a-z]+"));
	}

	@Test
	void umlautUIsWrittenAsV() {
		assertThat(PinyinIndex.of("吕布").keys()).contains("lvbu", "lb");
	}

	@Test
	void latinLettersAndDigitsStayAsTheyAreInLowerCase() {
		assertThat(PinyinIndex.of("Tom李2").keys()).contains("tomli2");
	}

	@Test
	void aNameOfManyPolyphonicCharactersHasItsReadingsCapped() {
		// 朝 reads zhao and chao: seven of them would make 128 readings.
		PinyinIndex.Keys keys = PinyinIndex.of("朝".repeat(7));
		List<String> full = List.of(keys.text().split(" "));

		String usual = PinyinIndex.of("朝").sortKey();

		assertThat(usual).isIn("zhao", "chao");
		assertThat(full).hasSizeLessThanOrEqualTo(PinyinIndex.MAX_READINGS).contains(usual.repeat(7));
		assertThat(keys.sortKey()).isEqualTo(usual.repeat(7));
		assertThat(keys.keys()).hasSizeLessThanOrEqualTo(2 * PinyinIndex.MAX_READINGS).doesNotHaveDuplicates();
	}

	@Test
	void aNameWithoutReadableCharactersHasNoKeys() {
		PinyinIndex.Keys keys = PinyinIndex.of("··");

		assertThat(keys.keys()).isEmpty();
		assertThat(keys.sortKey()).isEmpty();
	}

}
